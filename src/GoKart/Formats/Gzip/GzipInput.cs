namespace GoKart.Formats.Gzip;

/// <summary>
/// The compressed bytes of a <c>.gz</c> file, buffered so the gzip framing (headers, trailers, padding) is parsed here
/// while a <see cref="System.IO.Compression.DeflateStream"/> reads each member's deflate data through
/// <see cref="Read(Span{byte})"/>. The decompressor asks for more only once it has used everything it was given, so the
/// end of a member's deflate data lies inside the last block handed to it; that block stays in the buffer until the
/// trailer after it has been found.
/// </summary>
internal sealed class GzipInput : Stream
{
    private readonly Stream _source;
    private byte[] _buffer = new byte[1 << 16];
    private long _bufferOffset;
    private int _keep = -1;

    public GzipInput(Stream source) => _source = source;

    /// <summary>The buffered bytes not yet taken, from <see cref="Start"/> to <see cref="End"/>.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(Start, End - Start);

    public ReadOnlySpan<byte> Buffer => _buffer.AsSpan(0, End);

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>Whether the file has no bytes beyond <see cref="End"/>.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>Where the last block handed to the decompressor starts in <see cref="Buffer"/>, and its length.</summary>
    public int FedStart { get; private set; }

    public int FedLength { get; private set; }

    /// <summary>Whether the decompressor asked for more data after the end of the file.</summary>
    public bool RanDry { get; private set; }

    /// <summary>The file offset of <see cref="Buffer"/>[<paramref name="index"/>].</summary>
    public long OffsetOf(int index) => _bufferOffset + index;

    public void Skip(int count) => Start += count;

    /// <summary>Keeps the last block handed to the decompressor through later fills (while its trailer is looked for).</summary>
    public void KeepFed(bool keep) => _keep = keep ? FedStart : -1;

    /// <summary>A new member starts: forget the previous one's blocks.</summary>
    public void BeginMember()
    {
        FedStart = Start;
        FedLength = 0;
        RanDry = false;
    }

    /// <summary>Reads more of the file into the buffer; false at its end.</summary>
    public bool Fill()
    {
        var room = MakeRoom();
        var read = _source.Read(_buffer, End, room);
        return Filled(read);
    }

    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        var room = MakeRoom();
        var read = await _source.ReadAsync(_buffer.AsMemory(End, room), cancellationToken).ConfigureAwait(false);
        return Filled(read);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Start == End && !Exhausted)
        {
            Fill();
        }

        return Feed(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Start == End && !Exhausted)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        return Feed(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Feed(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, End - Start);
        if (count == 0 && !destination.IsEmpty)
        {
            RanDry = true;
            return 0;
        }

        _buffer.AsSpan(Start, count).CopyTo(destination);
        FedStart = Start;
        FedLength = count;
        Start += count;
        return count;
    }

    // Drops the bytes before the first one still needed and grows the buffer when it is full of needed bytes.
    private int MakeRoom()
    {
        var from = _keep >= 0 ? Math.Min(_keep, Start) : Start;
        if (from > 0)
        {
            _buffer.AsSpan(from, End - from).CopyTo(_buffer);
            _bufferOffset += from;
            Start -= from;
            End -= from;
            FedStart = Math.Max(0, FedStart - from);
            _keep = _keep >= 0 ? _keep - from : -1;
        }

        if (End == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        return _buffer.Length - End;
    }

    private bool Filled(int read)
    {
        End += read;
        Exhausted = read == 0;
        return read > 0;
    }
}
