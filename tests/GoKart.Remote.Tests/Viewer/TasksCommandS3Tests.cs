using System.Diagnostics;
using System.Reflection;
using GoKart.Remote.Tests.Servers;

namespace GoKart.Remote.Tests.Viewer;

/// <summary>Builds a real pipeline into an s3:// workspace on moto, then runs <c>gokart tasks</c> on it as a process.</summary>
[Collection(RemoteCollection.Name)]
public sealed class TasksCommandS3Tests(MotoServer moto) : IDisposable
{
    private static readonly string GokartDll = typeof(TasksCommandS3Tests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GokartDll").Value!;

    private readonly string _folder = Directory.CreateTempSubdirectory("gokart-s3-tasks-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Code, string Output, string Error)> GokartAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(GokartDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["AWS_ENDPOINT_URL"] = moto.Url;
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing-key";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing-secret-DO-NOT-LOG";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["GOKART_CACHE_DIR"] = Path.Combine(_folder, "cache");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task Tasks_OnS3Workspace_ListsFiltersShowsLoadsDiffsTreesAndCleans()
    {
        var bucket = await moto.CreateBucketAsync();
        var workspace = $"s3://{bucket}/ws";
        var options = new BuildOptions { Workspace = workspace, StoreProviders = [moto.Provider()], Workers = 1 };
        var first = new Scaled { Source = new Seq(), Factor = 2 };
        var second = new Scaled { Source = new Seq(), Factor = 3 };
        Assert.Equal(12, Kart.Build(first, options));
        Assert.Equal(18, Kart.Build(second, options));

        var (code, table, error) = await GokartAsync("tasks", workspace);
        Assert.True(code == 0, error);
        var rows = table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => r.StartsWith(first.UniqueId[..8], StringComparison.Ordinal) && r.Contains("factor=2", StringComparison.Ordinal));

        var filtered = await GokartAsync("tasks", workspace, "--param", "factor>2");
        Assert.Single(filtered.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));

        var show = await GokartAsync("tasks", "show", first.UniqueId[..10], "--workspace", workspace);
        Assert.Contains($"  Source: Seq[{new Seq().UniqueId[..8]}]", show.Output, StringComparison.Ordinal);
        Assert.Contains($"s3://{bucket}/ws/GoKart/Remote/Tests/Viewer/Scaled_{first.UniqueId}.json", show.Output, StringComparison.Ordinal);

        var load = await GokartAsync("tasks", "load", "Scaled", "-w", workspace);
        Assert.Equal("18", load.Output.Trim());

        var diff = await GokartAsync("tasks", "diff", first.UniqueId, second.UniqueId, "-w", workspace);
        Assert.Contains("~ factor: 2 -> 3", diff.Output, StringComparison.Ordinal);

        var tree = await GokartAsync("tasks", "tree", second.UniqueId, "-w", workspace);
        Assert.Equal($"└─-(COMPLETE) Scaled[{second.UniqueId}]\n   └─-(COMPLETE) Seq[{new Seq().UniqueId}]\n", tree.Output);

        var clean = await GokartAsync("tasks", "clean", "-w", workspace, "--unnecessary", "--yes");
        Assert.Equal(0, clean.Code);
        Assert.Contains("deleted 6 files of 1 runs", clean.Error, StringComparison.Ordinal);
        var after = await GokartAsync("tasks", workspace);
        Assert.Equal(2, after.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }
}

public sealed class Seq : TaskOnKart<int[]>
{
    protected override int[] Run() => [1, 2, 3];
}

public sealed class Scaled : TaskOnKart<int>
{
    public required TaskOnKart<int[]> Source { get; init; }

    public int Factor { get; init; }

    protected override int Run() => Load(Source).Sum() * Factor;
}
