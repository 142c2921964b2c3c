using System.Buffers.Binary;
using System.IO.Compression;
using GoKart.Formats.Numpy;

namespace GoKart.Formats.Gzip;

/// <summary>
/// Decompresses a <c>.gz</c> file as Python's gzip module reads it: one or more members, each a header, deflate data
/// and a trailer holding the CRC-32 and length (mod 2^32) of its data, which are checked; zero bytes may pad the end.
/// .NET's GZipStream returns a shorter result for a file cut short, so the framing is handled here and only the
/// deflate data goes through <see cref="DeflateStream"/>.
/// </summary>
internal sealed class GzipReadStream : Stream
{
    private readonly GzipInput _input;
    private readonly string _location;
    private DeflateStream? _deflate;
    private State _state = State.Header;
    private bool _firstMember = true;
    private uint _crc;
    private long _length;

    public GzipReadStream(Stream source, string location)
    {
        _input = new GzipInput(source);
        _location = location;
    }

    private enum State
    {
        Header,
        Body,
        Trailer,
        Between,
        Done,
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
        while (!buffer.IsEmpty)
        {
            if (_state == State.Body)
            {
                var n = Decompress(buffer);
                if (n > 0)
                {
                    return n;
                }
            }
            else if (_state == State.Done)
            {
                return 0;
            }
            else if (!Step() && !_input.Fill())
            {
                _ = Step();
            }
        }

        return 0;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            if (_state == State.Body)
            {
                var n = await DecompressAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n > 0)
                {
                    return n;
                }
            }
            else if (_state == State.Done)
            {
                return 0;
            }
            else if (!Step() && !await _input.FillAsync(cancellationToken).ConfigureAwait(false))
            {
                _ = Step();
            }
        }

        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Reads (and discards) what the reader of the data left, so every trailer is checked.</summary>
    public async ValueTask ReadToEndAsync(CancellationToken cancellationToken)
    {
        var scratch = new byte[1 << 16];
        while (await ReadAsync(scratch, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deflate?.Dispose();
            _input.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Decompress(Span<byte> buffer)
    {
        int n;
        try
        {
            n = _deflate!.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        return Account(buffer[..n]);
    }

    private async ValueTask<int> DecompressAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        int n;
        try
        {
            n = await _deflate!.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }

        return Account(buffer.Span[..n]);
    }

    private int Account(ReadOnlySpan<byte> data)
    {
        if (!data.IsEmpty)
        {
            _crc = Crc32.Append(_crc, data);
            _length += data.Length;
            return data.Length;
        }

        if (_input.RanDry)
        {
            throw CutShort();
        }

        _deflate!.Dispose();
        _deflate = null;
        _input.KeepFed(true);
        _state = State.Trailer;
        return 0;
    }

    /// <summary>Parses framing from the buffered bytes; false when it needs more of the file (and the file has more).</summary>
    private bool Step()
    {
        switch (_state)
        {
            case State.Header:
                return Header();
            case State.Trailer:
                return Trailer();
            case State.Between:
                return Between();
            default:
                return true;
        }
    }

    private bool Header()
    {
        var data = _input.Unread;
        if ((data.Length >= 2 && (data[0] != 0x1f || data[1] != 0x8b)) || (data.Length == 1 && data[0] != 0x1f))
        {
            throw _firstMember
                ? new InvalidDataException($"{_location}: not a gzip file (it does not start with 1f 8b).")
                : new InvalidDataException($"{_location}: bytes after the gzip data at offset {_input.OffsetOf(_input.Start)} are not a gzip member (corrupt file?).");
        }

        var size = GzipHeader.Measure(data);
        if (size < 0)
        {
            return NeedMore(data.IsEmpty && _firstMember
                ? new InvalidDataException($"{_location}: the file is empty, not a gzip stream.")
                : CutShort());
        }

        if (data[2] != 8)
        {
            throw new InvalidDataException($"{_location}: gzip compression method {data[2]} is not deflate (8) (corrupt file?).");
        }

        _input.Skip(size);
        _input.BeginMember();
        _deflate = new DeflateStream(_input, CompressionMode.Decompress, leaveOpen: true);
        _crc = 0;
        _length = 0;
        _firstMember = false;
        _state = State.Body;
        return true;
    }

    // The deflate data ended inside the last block the decompressor took; its trailer follows that end.
    private bool Trailer()
    {
        var buffer = _input.Buffer;
        var fedEnd = _input.FedStart + _input.FedLength;
        if (buffer.Length < fedEnd + 8 && !_input.Exhausted)
        {
            return false;
        }

        var isize = (uint)_length;
        var crcOnly = false;
        var lengthOnly = false;
        for (var at = _input.FedStart; at <= fedEnd && at + 8 <= buffer.Length; at++)
        {
            var crcMatches = BinaryPrimitives.ReadUInt32LittleEndian(buffer[at..]) == _crc;
            var lengthMatches = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(at + 4)..]) == isize;
            if (crcMatches && lengthMatches)
            {
                _input.Skip(at + 8 - _input.Start);
                _input.KeepFed(false);
                _state = State.Between;
                return true;
            }

            crcOnly |= crcMatches;
            lengthOnly |= lengthMatches;
        }

        throw lengthOnly
            ? new InvalidDataException($"{_location}: CRC-32 mismatch: the gzip trailer does not match the data (corrupt file).")
            : crcOnly
                ? new InvalidDataException($"{_location}: the gzip trailer's length does not match the {_length} bytes of data (corrupt file).")
                : _input.Exhausted && buffer.Length < fedEnd + 8
                    ? CutShort()
                    : new InvalidDataException($"{_location}: the gzip trailer (CRC-32 and length) does not match the data (corrupt file).");
    }

    // Python's gzip accepts zero bytes after a member; anything else must be another member.
    private bool Between()
    {
        var data = _input.Unread;
        var zeros = data.IndexOfAnyExcept((byte)0);
        if (zeros < 0)
        {
            _input.Skip(data.Length);
            if (_input.Exhausted)
            {
                _state = State.Done;
                return true;
            }

            return false;
        }

        _input.Skip(zeros);
        _state = State.Header;
        return Header();
    }

    private bool NeedMore(InvalidDataException atEnd) => _input.Exhausted ? throw atEnd : false;

    private InvalidDataException CutShort() => new($"{_location}: the gzip data is cut short (truncated file?).");

    private InvalidDataException Corrupt(InvalidDataException e) =>
        new($"{_location}: corrupt gzip data at about offset {_input.OffsetOf(_input.Start)} (the deflate stream is invalid).", e);
}
