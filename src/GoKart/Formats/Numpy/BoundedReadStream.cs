using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
namespace GoKart.Formats.Numpy;

/// <summary>A read-only window [start, start + length) of a seekable stream: one zip member's bytes.</summary>
internal sealed class BoundedReadStream : ReadOnlyStream
{
    private readonly Stream _inner;
    private readonly long _start;
    private readonly long _length;
    private long _position;

    public BoundedReadStream(Stream inner, long start, long length)
    {
        _inner = inner;
        _start = start;
        _length = length;
    }

    public override long Length => _length;

    protected override long Consumed => _position;

    public override int Read(Span<byte> buffer)
    {
        var want = Window(buffer.Length);
        if (want == 0)
        {
            return 0;
        }

        var n = _inner.Read(buffer[..want]);
        _position += n;
        return n;
    }

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var want = Window(buffer.Length);
        if (want == 0)
        {
            return 0;
        }

        var n = await _inner.ReadAsync(buffer[..want], cancellationToken).ConfigureAwait(false);
        _position += n;
        return n;
    }

    // How much of a read of `count` bytes lies in the window; the inner stream is placed at the window's position.
    private int Window(int count)
    {
        var want = (int)Math.Min(count, _length - _position);
        if (want > 0 && _inner.Position != _start + _position)
        {
            _inner.Position = _start + _position;
        }

        return Math.Max(want, 0);
    }
}
