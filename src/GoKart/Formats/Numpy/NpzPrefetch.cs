using System.Buffers.Binary;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Numpy;

/// <summary>
/// The large arrays of a stored <c>.npz</c>, made when the archive is opened and faulted in on a second thread while
/// the ones before them are read. Most of a first load is the kernel handing out fresh pages (bench/README.md); one
/// thread doing that for array <c>k + 1</c> while the reader copies array <c>k</c> overlaps the two, which one thread
/// (gokart's pickle, and this reader before) cannot. Arrays are handed out in entry order: the reader fills the next
/// unclaimed one itself rather than wait, and waits only for the one the helper is on.
/// </summary>
/// <remarks>
/// Only a look ahead: each entry's header is peeked without its CRC, and the read that follows checks everything
/// again and takes the array only when the header it reads asks for the same element type and count
/// (<see cref="Slot.Take"/>). Anything unexpected in the peek leaves that entry to the ordinary read.
/// </remarks>
internal sealed class NpzPrefetch : IDisposable
{
    // Enough for the header numpy writes for any 1-D or small-rank array (128 bytes with its padding).
    private const int PeekLength = 256;

    private readonly Slot[] _slots;
    private readonly object _gate = new();
    private volatile bool _stopped;

    private NpzPrefetch(Slot[] slots)
    {
        _slots = slots;
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i].Attach(this, i);
        }
    }

    /// <summary>
    /// Starts the look ahead over <paramref name="entries"/> of <paramref name="source"/> (seekable, not yet read),
    /// or returns null where it would not pay: fewer than two large stored arrays, or a single processor.
    /// </summary>
    public static NpzPrefetch? Start(Stream source, List<NpzZipEntry> entries, string location)
    {
        if (Environment.ProcessorCount < 2 || !source.CanSeek)
        {
            return null;
        }

        var large = 0;
        foreach (var entry in entries)
        {
            large += IsCandidate(entry) ? 1 : 0;
        }

        if (large < 2)
        {
            return null;
        }

        var slots = new List<Slot>(large);
        var peek = new byte[PeekLength];
        try
        {
            foreach (var entry in entries)
            {
                if (IsCandidate(entry) && Peek(source, entry, peek) is { } slot)
                {
                    slots.Add(slot);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException)
        {
            // A damaged archive: the ordinary read names the problem.
            return null;
        }

        if (slots.Count < 2)
        {
            return null;
        }

        var prefetch = new NpzPrefetch([.. slots]);
        var helper = new Thread(prefetch.FillAhead, maxStackSize: 256 << 10) { IsBackground = true, Name = $"GoKart npz fill: {location}" };
        helper.Start();
        return prefetch;
    }

    /// <summary>The prepared array of <paramref name="entry"/>, if any.</summary>
    public Slot? SlotOf(NpzZipEntry entry)
    {
        foreach (var slot in _slots)
        {
            if (ReferenceEquals(slot.Entry, entry))
            {
                return slot;
            }
        }

        return null;
    }

    /// <summary>Stops the helper after the array it is on (arrays not taken are garbage).</summary>
    public void Dispose() => _stopped = true;

    // A stored (not deflated) member large enough for BulkArrays to make on the pinned heap.
    private static bool IsCandidate(NpzZipEntry entry) => entry.Method == 0 && BulkArrays.IsLarge(entry.Length);

    private static Slot? Peek(Stream source, NpzZipEntry entry, byte[] buffer)
    {
        // The local header gives where the member's bytes start; NpzZipReader.OpenRaw checks it properly later.
        source.Position = entry.LocalHeaderOffset;
        if (source.ReadAtLeast(buffer.AsSpan(0, 30), 30, throwOnEndOfStream: false) < 30)
        {
            return null;
        }

        var data = entry.LocalHeaderOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28));
        source.Position = data;
        var got = source.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (NpyHeader.TryPeek(buffer.AsSpan(0, got), out var size) is not { } header
            || NpyDType.TypeOf(header.Descr) is not { } element
            || header.Count > Array.MaxLength
            || (header.FortranOrder && header.Shape.Length > 1))
        {
            return null;
        }

        // The data must be exactly what the member holds after the header, as the read will insist.
        var bytes = header.Count * NpyDType.SizeOf(element);
        return bytes == entry.Length - size && BulkArrays.IsLarge(bytes)
            ? new Slot(entry, element, header.Count, bytes, ArrayBytes.AllocateUninitialized(element, (int)header.Count, fill: false))
            : null;
    }

    private void FillAhead()
    {
        try
        {
            foreach (var slot in _slots)
            {
                if (_stopped)
                {
                    return;
                }

                TryFill(slot, byTouch: true);
            }
        }
        catch (Exception)
        {
            // Only an optimisation, on a thread of its own where an exception would end the process: a slot left
            // claimed is released by TryFill's finally, and the read faults in whatever was not filled.
        }
    }

    // Fills the slot unless another thread has claimed it; false when it had.
    private bool TryFill(Slot slot, bool byTouch)
    {
        if (Interlocked.CompareExchange(ref slot.State, Slot.Claimed, Slot.Free) != Slot.Free)
        {
            return false;
        }

        try
        {
            BulkArrays.Fill(slot.Array!, slot.Bytes, byTouch);
        }
        finally
        {
            // Released even if the fill failed: the read then faults the pages itself, which is all a fill saves.
            lock (_gate)
            {
                slot.State = Slot.Filled;
                Monitor.PulseAll(_gate);
            }
        }

        return true;
    }

    // The reader's side: fill this array, or one after it the helper has not reached, rather than wait; wait only
    // while the helper is on this one.
    private void Ready(Slot slot)
    {
        for (var i = slot.Index; i < _slots.Length && Volatile.Read(ref slot.State) != Slot.Filled; i++)
        {
            TryFill(_slots[i], byTouch: false);
        }

        lock (_gate)
        {
            while (slot.State != Slot.Filled)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    /// <summary>One entry's prepared array.</summary>
    internal sealed class Slot(NpzZipEntry entry, Type element, long count, long bytes, Array array)
    {
        private NpzPrefetch? _owner;

        public NpzZipEntry Entry { get; } = entry;

        /// <summary>Its place among the archive's slots, in entry order.</summary>
        public int Index { get; private set; }

        public long Bytes { get; } = bytes;

        public Array? Array { get; private set; } = array;

        internal const int Free = 0;
        internal const int Claimed = 1;
        internal const int Filled = 2;

#pragma warning disable SA1401 // A field: Interlocked and Volatile need it by reference.
        internal int State;
#pragma warning restore SA1401

        /// <summary>
        /// The prepared array, filled, when the header the read found asks for <paramref name="elementType"/> ×
        /// <paramref name="elementCount"/>; null otherwise (the read makes its own). Taken once.
        /// </summary>
        public Array? Take(Type elementType, long elementCount)
        {
            if (Array is not { } prepared || elementType != element || elementCount != count || _owner is not { } owner)
            {
                return null;
            }

            owner.Ready(this);
            Array = null;
            return prepared;
        }

        internal void Attach(NpzPrefetch owner, int index)
        {
            _owner = owner;
            Index = index;
        }
    }
}
