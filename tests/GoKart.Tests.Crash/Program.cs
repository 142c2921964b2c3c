using GoKart;
using GoKart.Formats;

// Child process for the crash test: builds one task with a large output, written slowly in "slow" mode
// so the test can SIGKILL it in the middle of the dump. "npz-dump"/"npz-load": build, then load in a fresh process,
// two 8 MB columns (the first-load test that lists what the JIT compiles).
var workspace = args[0];
if (args.Length > 1 && args[1] is "npz-dump" or "npz-load")
{
    var options = new BuildOptions { Workspace = workspace };
    var columns = args[1] == "npz-dump" ? Kart.Build(new Columns(), options) : Kart.LoadOutput(new Columns(), options);
    Console.WriteLine($"DONE {columns.Count} {columns["b"][Columns.Rows - 1]}");
    return;
}

var slow = args.Length > 1 && args[1] == "slow";
var formats = FormatRegistry.CreateDefault().Register(new ChunkedFormat(slow));
var bytes = Kart.Build(new BigOutput { Megabytes = 64 }, new BuildOptions { Workspace = workspace, Formats = formats });
Console.WriteLine($"DONE {bytes.Length}");

/// <summary>A large deterministic byte array.</summary>
public sealed class BigOutput : TaskOnKart<byte[]>
{
    public int Megabytes { get; init; }

    protected override Target Output() => MakeTarget("big/data.chunked");

    protected override byte[] Run()
    {
        var data = new byte[Megabytes << 20];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)(i * 31 % 251);
        }

        return data;
    }
}

/// <summary>Writes bytes in 1 MiB chunks, optionally pausing between them.</summary>
public sealed class ChunkedFormat(bool slow) : IFormat
{
    public string Name => "chunked";

    public IReadOnlyList<string> Extensions { get; } = [".chunked"];

    public bool Supports(Type type) => type == typeof(byte[]);

    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var data = (byte[])value!;
        for (var offset = 0; offset < data.Length; offset += 1 << 20)
        {
            await stream.WriteAsync(data.AsMemory(offset, Math.Min(1 << 20, data.Length - offset)), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            if (slow)
            {
                if (offset == 0)
                {
                    Console.WriteLine("DUMPING");
                    Console.Out.Flush();
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}

/// <summary>Two columns of a million doubles: large enough for the bulk-array path of an .npz load.</summary>
public sealed class Columns : TaskOnKart<IReadOnlyDictionary<string, double[]>>
{
    public const int Rows = 1_000_000;

    protected override Target Output() => MakeTarget("columns.npz");

    protected override IReadOnlyDictionary<string, double[]> Run() => new Dictionary<string, double[]>
    {
        ["a"] = [.. Enumerable.Range(0, Rows).Select(i => (double)i)],
        ["b"] = [.. Enumerable.Range(0, Rows).Select(i => i * 0.5)],
    };
}
