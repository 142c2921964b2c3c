using System.Text;

namespace GoKart.Formats.Tables;

/// <summary>Lets the byte-level table codecs work in UTF-8 whatever the target's encoding (Shift_JIS, ...).</summary>
internal static class Utf8Streams
{
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>A UTF-8 view of <paramref name="stream"/>: the stream itself, or a transcoding wrapper to dispose.</summary>
    public static Stream View(Stream stream, Encoding? encoding) =>
        encoding is null || encoding.CodePage == Encoding.UTF8.CodePage
            ? stream
            : Encoding.CreateTranscodingStream(stream, encoding, Utf8NoBom, leaveOpen: true);

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the bytes read.</summary>
    public static async ValueTask<int> FillAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken) =>
        await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
}
