// What the core writes by hand (MD5, CRC-32, gzip framing, the INI reader) beside what .NET and well-kept packages
// offer; results and decisions in bench/README.md ("What stays hand-written and why").
// Usage: dotnet bench/GoKart.Bench.HandWritten/bin/Release/net10.0/GoKart.Bench.HandWritten.dll [all|md5|crc|gzip|ini|md5-first-managed|md5-first-bcl]
using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using GoKart.CommandLine;
using GoKart.Formats.Gzip;
using GoKart.Hashing;
using GoKart.Formats.Numpy;

var mode = args.Length > 0 ? args[0] : "all";
if (mode == "md5-first-managed" || mode == "md5-first-bcl")
{
    // Fresh process: the cost of the first hash (what a CLI start pays).
    var sw = Stopwatch.StartNew();
    Span<byte> d = stackalloc byte[16];
    var bytes = Encoding.UTF8.GetBytes("{\"text\": \"hello\", \"index\": 42}");
    if (mode == "md5-first-managed") Md5.HashData(bytes, d); else MD5.HashData(bytes, d);
    Console.WriteLine($"{mode}: first hash {sw.Elapsed.TotalMilliseconds:F2} ms");
    return;
}

if (mode is "all" or "md5")
{
    var texts = Enumerable.Range(0, 100_000).Select(i => Encoding.UTF8.GetBytes($"{{\"__main__.ChainStep\": {{\"index\": \"{i}\", \"parent\": \"5d41402abc4b2a76b9719d911017c592\"}}}}")).ToArray();
    Span<byte> a = stackalloc byte[16], b = stackalloc byte[16];
    foreach (var t in texts.Take(1000)) { Md5.HashData(t, a); MD5.HashData(t, b); if (!a.SequenceEqual(b)) throw new Exception("md5 mismatch"); }
    for (var round = 0; round < 5; round++)
    {
        var sw = Stopwatch.StartNew();
        foreach (var t in texts) Md5.HashData(t, a);
        var managed = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        foreach (var t in texts) MD5.HashData(t, b);
        var bcl = sw.Elapsed.TotalMilliseconds;
        Console.WriteLine($"md5 100,000 x {texts[0].Length} B: managed {managed:F1} ms, MD5.HashData {bcl:F1} ms");
    }

    var big = new byte[64 << 20];
    new Random(1).NextBytes(big);
    for (var round = 0; round < 3; round++)
    {
        var sw = Stopwatch.StartNew();
        Md5.HashData(big, a);
        var managed = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        MD5.HashData(big, b);
        Console.WriteLine($"md5 64 MiB: managed {managed:F0} ms, MD5.HashData {sw.Elapsed.TotalMilliseconds:F0} ms");
    }
}

if (mode is "all" or "crc")
{
    var big = new byte[64 << 20];
    new Random(2).NextBytes(big);
    if (Crc32.Append(0, big) != System.IO.Hashing.Crc32.HashToUInt32(big) || Crc32.Managed(0, big) != System.IO.Hashing.Crc32.HashToUInt32(big)) throw new Exception("crc mismatch");
    for (var round = 0; round < 3; round++)
    {
        var sw = Stopwatch.StartNew();
        var x = Crc32.Append(0, big);
        var native = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        x ^= Crc32.Managed(0, big);
        var managed = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        x ^= System.IO.Hashing.Crc32.HashToUInt32(big);
        var pkg = sw.Elapsed.TotalMilliseconds;
        // In 80 KiB chunks, as the streams feed it.
        sw.Restart();
        uint c1 = 0;
        for (var o = 0; o < big.Length; o += 81920) c1 = Crc32.Append(c1, big.AsSpan(o, Math.Min(81920, big.Length - o)));
        var nativeChunks = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var h = new System.IO.Hashing.Crc32();
        for (var o = 0; o < big.Length; o += 81920) h.Append(big.AsSpan(o, Math.Min(81920, big.Length - o)));
        var pkgChunks = sw.Elapsed.TotalMilliseconds;
        if (c1 != h.GetCurrentHashAsUInt32()) throw new Exception("chunk mismatch");
        Console.WriteLine($"crc32 64 MiB: runtime zlib (ours) {native:F1} ms ({64 / native * 1000:F0} MB/s), our table {managed:F1} ms, System.IO.Hashing {pkg:F1} ms; 80 KiB chunks: ours {nativeChunks:F1} ms, System.IO.Hashing {pkgChunks:F1} ms {x}");
    }
}

if (mode is "all" or "gzip")
{
    var data = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 200_000).Select(i => $"{i},{i * 0.5},row {i}")));
    var ms = new MemoryStream();
    using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(data);
    var file = ms.ToArray();
    string Read(Stream gz)
    {
        try
        {
            using (gz)
            {
                var o = new MemoryStream();
                gz.CopyTo(o);
                return $"no error, {o.Length} of {data.Length} bytes";
            }
        }
        catch (Exception e)
        {
            var message = e.Message.Split('\n')[0];
            return $"{e.GetType().Name}: {(message.Length > 90 ? message[..90] + "..." : message)}";
        }
    }

    string Try(byte[] bytes) =>
        $"GZipStream: {Read(new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))} | ours: {Read(new GzipReadStream(new MemoryStream(bytes), "x.gz"))}";

    var big = new MemoryStream();
    using (var gz = new GZipStream(big, CompressionLevel.Fastest, leaveOpen: true))
    {
        for (var i = 0; i < 20; i++)
        {
            gz.Write(data);
        }
    }

    var bigFile = big.ToArray();
    for (var round = 0; round < 3; round++)
    {
        var sw = Stopwatch.StartNew();
        using (var gz = new GZipStream(new MemoryStream(bigFile), CompressionMode.Decompress))
        {
            gz.CopyTo(Stream.Null);
        }

        var bcl = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        using (var gz = new GzipReadStream(new MemoryStream(bigFile), "big.gz"))
        {
            gz.CopyTo(Stream.Null);
        }

        Console.WriteLine($"gzip read {bigFile.Length >> 20} MiB -> {20 * data.Length >> 20} MiB: GZipStream {bcl:F0} ms, ours (framing + DeflateStream + CRC check) {sw.Elapsed.TotalMilliseconds:F0} ms");
    }

    Console.WriteLine($"gzip whole: {Try(file)}");
    Console.WriteLine($"gzip cut in the deflate data (half): {Try(file[..(file.Length / 2)])}");
    Console.WriteLine($"gzip cut in the trailer (last 4 bytes missing): {Try(file[..^4])}");
    var crcBad = (byte[])file.Clone(); crcBad[^6] ^= 1;
    Console.WriteLine($"gzip trailer CRC flipped: {Try(crcBad)}");
    var lenBad = (byte[])file.Clone(); lenBad[^2] ^= 1;
    Console.WriteLine($"gzip trailer length flipped: {Try(lenBad)}");
    Console.WriteLine($"gzip two members: {Try([.. file, .. file])}");
    Console.WriteLine($"gzip zero padding after the member: {Try([.. file, 0, 0, 0, 0, 0, 0, 0, 0])}");
    Console.WriteLine($"gzip garbage after the member: {Try([.. file, 1, 2, 3])}");
    Console.WriteLine($"gzip second member cut: {Try([.. file, .. file[..100]])}");
}

if (mode is "all" or "ini")
{
    var path = Path.Combine(Path.GetTempPath(), "hw-review.ini");
    string[] cases =
    [
        "[core]\nworkers = 4\n",
        "[core]\nworkers: 4\n",
        "[Task]\nlist = a\n  b\n",
        "[Task]\npath = ${HOME}/x\n",
        "[Task]\nquoted = \"a b\"\n",
        "[Task]\nx = 1\n[task]\ny = 2\n",
        "[Task]\nx = 1\nX = 2\n",
        "[Task]\nx = 1 ; not a comment in configparser\n",
    ];
    foreach (var text in cases)
    {
        string ours;
        try
        {
            var file = IniFile.Parse(text, "x.ini");
            ours = string.Join(", ", file.Sections.SelectMany(s => s.Entries.Select(e => $"{s.Name}:{e.Key}='{IniFile.Interpolate(e.Value, _ => "/home/u", "x")}'")));
        }
        catch (Exception e)
        {
            ours = $"{e.GetType().Name}: {e.Message}";
        }

        Console.WriteLine($"ini ours  {text.Replace("\n", "\\n")} -> {ours}");
        File.WriteAllText(path, text);
        try
        {
            var config = new ConfigurationBuilder().AddIniFile(path).Build();
            Console.WriteLine($"ini M.E.C {text.Replace("\n", "\\n")} -> " + string.Join(", ", config.AsEnumerable().Where(kv => kv.Value is not null).Select(kv => $"{kv.Key}='{kv.Value}'")));
        }
        catch (Exception e)
        {
            Console.WriteLine($"ini M.E.C {text.Replace("\n", "\\n")} -> {e.GetType().Name}: {e.InnerException?.Message ?? e.Message}");
        }
    }
}
