using System.Buffers;
using System.Runtime.InteropServices;

namespace GoKart.Storage;

/// <summary>
/// A stream over a <see cref="NativeFileHandle"/> that keeps its position (and, when writing a file it created, its
/// length) in memory: every read and write is one <c>pread</c>/<c>pwrite</c> at a known offset, and seeking or asking
/// the position costs no system call. Async methods complete synchronously, as for <see cref="SynchronousFileStream"/>:
/// a local file is served from the page cache in microseconds.
/// </summary>
internal sealed class NativeFileStream : Stream
{
    private readonly NativeFileHandle _handle;
    private readonly string _path;
    private readonly bool _writable;
    private long _position;
    private long _length;

    /// <summary>A stream over <paramref name="handle"/>; for writing, the file must be new or truncated (length 0).</summary>
    public NativeFileStream(NativeFileHandle handle, string path, bool writable)
    {
        _handle = handle;
        _path = path;
        _writable = writable;
        _length = writable ? 0 : -1;
    }

    public override bool CanRead => !_writable && !_handle.IsClosed;

    public override bool CanSeek => !_handle.IsClosed;

    public override bool CanWrite => _writable && !_handle.IsClosed;

    /// <summary>Known without a system call when writing; asked once (<c>lseek</c> to the end) when reading.</summary>
    public override long Length => _length >= 0 ? _length : _length = NativeFile.Length(_handle, _path);

    public override long Position
    {
        get => _position;
        set => _position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A position cannot be negative.");
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Arrays take NativeFile's precompiled calls (pinned), spans the by-ref ones.
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        if (_writable)
        {
            throw new NotSupportedException($"{_path} is open for writing.");
        }

        var read = NativeFile.Read(_handle, buffer, offset, count, _position, _path);
        _position += read;
        return read;
    }

    public override int Read(Span<byte> buffer)
    {
        if (_writable)
        {
            throw new NotSupportedException($"{_path} is open for writing.");
        }

        var read = NativeFile.Read(_handle, buffer, _position, _path);
        _position += read;
        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(MemoryMarshal.TryGetArray<byte>(buffer, out var array)
            ? Read(array.Array!, array.Offset, array.Count)
            : Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer, offset, count));
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <summary>
    /// Reads to the end without asking the length first (Stream's own CopyTo sizes its buffer from
    /// <see cref="Length"/>, one more system call for the small files most outputs are).
    /// </summary>
    public override void CopyTo(Stream destination, int bufferSize)
    {
        ValidateCopyToArguments(destination, bufferSize);
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = Read(buffer, 0, buffer.Length)) > 0)
            {
                destination.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        ValidateCopyToArguments(destination, bufferSize);
        cancellationToken.ThrowIfCancellationRequested();
        return destination is MemoryStream ? CopyToMemory(destination, bufferSize) : CopyToOtherAsync(destination, bufferSize, cancellationToken);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
        };
        return _position;
    }

    public override void SetLength(long value)
    {
        if (!_writable)
        {
            throw new NotSupportedException($"{_path} is open for reading.");
        }

        NativeFile.SetLength(_handle, value, _path);
        _length = value;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        if (!_writable)
        {
            throw new NotSupportedException($"{_path} is open for reading.");
        }

        NativeFile.Write(_handle, buffer, offset, count, _position, _path);
        _position += count;
        _length = Math.Max(_length, _position);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_writable)
        {
            throw new NotSupportedException($"{_path} is open for reading.");
        }

        NativeFile.Write(_handle, buffer, _position, _path);
        _position += buffer.Length;
        _length = Math.Max(_length, _position);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (MemoryMarshal.TryGetArray(buffer, out var array))
        {
            Write(array.Array!, array.Offset, array.Count);
        }
        else
        {
            Write(buffer.Span);
        }

        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer, offset, count);
        return Task.CompletedTask;
    }

    public override void WriteByte(byte value) => Write([value]);

    private Task CopyToMemory(Stream destination, int bufferSize)
    {
        CopyTo(destination, bufferSize);
        return Task.CompletedTask;
    }

    private async Task CopyToOtherAsync(Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = Read(buffer, 0, buffer.Length)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return base.DisposeAsync();
    }
}
