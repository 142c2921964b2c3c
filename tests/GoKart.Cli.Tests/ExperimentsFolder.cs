using System.Text.Json.Nodes;

namespace GoKart.Cli.Tests;

/// <summary>Hand-written experiment folders, the on-disk contract the listing reads (no git needed).</summary>
internal sealed class ExperimentsFolder : IDisposable
{
    public ExperimentsFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gokart-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Add(string id, string status, JsonObject args, JsonObject? summary = null, JsonObject? defaults = null, int? pid = null, string start = "2024-05-01T10:00:00.0000000+00:00")
    {
        var folder = System.IO.Path.Combine(Path, id);
        Directory.CreateDirectory(folder);
        File.WriteAllText(System.IO.Path.Combine(folder, "STATUS"), status + "\n");
        File.WriteAllText(System.IO.Path.Combine(folder, "args.json"), args.ToJsonString());
        File.WriteAllText(System.IO.Path.Combine(folder, "default_args.json"), (defaults ?? new JsonObject { ["lr"] = 0.01, ["epochs"] = 10 }).ToJsonString());
        var metadata = new JsonObject
        {
            ["githead-sha"] = "0123456789abcdef0123456789abcdef01234567",
            ["description"] = "",
            ["start-time"] = start,
            ["end-time"] = null,
            ["pid"] = pid ?? Environment.ProcessId,
            ["host"] = Environment.MachineName,
        };
        File.WriteAllText(System.IO.Path.Combine(folder, "metadata.json"), metadata.ToJsonString());
        if (summary is not null)
        {
            File.WriteAllText(System.IO.Path.Combine(folder, "summary.json"), summary.ToJsonString());
        }
    }

    public (int Code, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = GokartCommand.Run(["experiments", Path, .. arguments], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
