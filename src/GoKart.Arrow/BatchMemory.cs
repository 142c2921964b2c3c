using System.Buffers;
using Apache.Arrow.Memory;

namespace GoKart.Arrow;

/// <summary>
/// The memory a load reads record batches into: managed arrays handed back when a batch is disposed and reused by
/// the next one. Apache.Arrow's default allocator takes native memory and reports it to the GC as memory pressure,
/// which started a full collection (a scan of every record loaded so far) every few batches.
/// </summary>
internal sealed class BatchMemory : MemoryAllocator
{
    private readonly Stack<byte[]> _free = new();

    protected override IMemoryOwner<byte> AllocateInternal(int length, out int bytesAllocated)
    {
        byte[]? array = null;
        lock (_free)
        {
            // Batches have the same layout, so the buffers come back in sizes the next batch asks for.
            if (_free.TryPeek(out var top) && top.Length >= length)
            {
                array = _free.Pop();
            }
        }

        array ??= new byte[Math.Max(length, 64)];
        bytesAllocated = array.Length;
        return new Lease(this, array, length);
    }

    private void Return(byte[] array)
    {
        lock (_free)
        {
            _free.Push(array);
        }
    }

    private sealed class Lease(BatchMemory owner, byte[] array, int length) : IMemoryOwner<byte>
    {
        private byte[]? _array = array;

        public Memory<byte> Memory => _array is { } a ? a.AsMemory(0, length) : throw new ObjectDisposedException(nameof(BatchMemory));

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _array, null) is { } a)
            {
                owner.Return(a);
            }
        }
    }
}
