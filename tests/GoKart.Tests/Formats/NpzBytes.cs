using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using GoKart.Formats.Numpy;

namespace GoKart.Tests.Formats;

/// <summary>Hand-made .npz bytes (any dtype, as numpy writes them) and a look at the dtypes of a written one.</summary>
internal static class NpzBytes
{
    /// <summary>An .npz of 1-D arrays with the given dtypes over the given element bytes, as numpy writes it.</summary>
    public static byte[] Npz(params (string Name, string Descr, Array Values)[] columns)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, descr, values) in columns)
            {
                var length = descr.StartsWith("<U", StringComparison.Ordinal) ? values.Length / int.Parse(descr[2..], System.Globalization.CultureInfo.InvariantCulture) / 4 : values.Length;
                using var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
                entry.Write(new NpyHeader(descr, false, [length]).ToBytes());
                entry.Write(RawBytes(values));
            }
        }

        return stream.ToArray();
    }

    private static byte[] RawBytes(Array values) => values switch
    {
        long[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        bool[] a => MemoryMarshal.AsBytes(a.AsSpan()).ToArray(),
        byte[] a => a,
        _ => throw new ArgumentException(values.GetType().Name),
    };

    /// <summary>Fixed-width UTF-32 cells as bytes; the width is the longest string's.</summary>
    public static byte[] Utf32(params string[] values)
    {
        var width = Math.Max(1, values.Max(v => v.Length));
        return [.. values.SelectMany(v => Encoding.UTF32.GetBytes(v.PadRight(width, '\0')))];
    }

    /// <summary>The dtype (descr) of each entry, by column name.</summary>
    public static Dictionary<string, string> Descrs(byte[] npz)
    {
        using var zip = new ZipArchive(new MemoryStream(npz), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName[..^4], e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.Latin1);
            var header = reader.ReadLine()!;
            var start = header.IndexOf("'descr': '", StringComparison.Ordinal) + 10;
            return header[start..header.IndexOf('\'', start)];
        });
    }
}
