using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GoKart.Formats;

namespace GoKart.Viewer;

/// <summary>
/// Readable text of an output, chosen by extension: a table's head with inferred column types, an array's dtype,
/// shape and head, text lines, a pickle as Python-like text, anything else as its size and a hex head.
/// </summary>
internal static class OutputPreview
{
    public static async Task<string> RenderAsync(Stream stream, string path, int topK, FormatRegistry formats, string location, CancellationToken cancellationToken)
    {
        topK = Math.Max(1, topK);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".gz")
        {
            var inner = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            await using (inner.ConfigureAwait(false))
            {
                return await RenderAsync(inner, path[..^3], topK, formats, location, cancellationToken).ConfigureAwait(false);
            }
        }

        switch (extension)
        {
            case ".csv":
            case ".tsv":
                return TablePreview.Render(await HeadLinesAsync(stream, topK + 1, cancellationToken).ConfigureAwait(false), extension == ".tsv" ? '\t' : ',');
            case ".txt":
            case ".ndjson":
            case ".xml":
                var lines = await HeadLinesAsync(stream, topK + 1, cancellationToken).ConfigureAwait(false);
                return string.Join('\n', lines.Take(topK)) + (lines.Count > topK ? "\n..." : string.Empty) + "\n";
            case ".json":
                using (var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    return PythonText.Json(document.RootElement, topK) + "\n";
                }

            case ".pkl":
                var target = new Target(path);
                var value = await target.ResolveFormat(formats).ReadAsync(stream, typeof(object), new FormatContext(location, target, formats), cancellationToken).ConfigureAwait(false);
                return PythonText.Value(value, topK) + "\n";
            case ".npy":
                return await NpyPreview.RenderAsync(stream, topK, cancellationToken).ConfigureAwait(false);
            case ".npz":
                return await NpyPreview.RenderArchiveAsync(stream, topK, cancellationToken).ConfigureAwait(false);
            default:
                return await HexAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<List<string>> HeadLinesAsync(Stream stream, int count, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 65536, leaveOpen: true);
        var lines = new List<string>();
        while (lines.Count < count && await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static async Task<string> HexAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[64];
        var read = 0;
        long total = 0;
        var buffer = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var take = Math.Min(head.Length - read, n);
            buffer.AsSpan(0, take).CopyTo(head.AsSpan(read));
            read += take;
            total += n;
        }

        var builder = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{total} bytes\n");
        for (var row = 0; row < read; row += 16)
        {
            var span = head.AsSpan(row, Math.Min(16, read - row));
            builder.Append(CultureInfo.InvariantCulture, $"{row:x8}  ").Append(string.Join(' ', span.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)))).Append('\n');
        }

        return builder.ToString();
    }
}
