using System.Diagnostics;
using GoKart.Ui;

/// <summary>
/// <c>ui WORKSPACE CACHE</c>: the first runs page of <c>gokart ui</c> served warm (server started, index loaded)
/// over loopback HTTP: the shell, its scripts, then <c>/api/runs</c> as the page asks for it (newest first, 50 rows).
/// </summary>
internal static class UiBench
{
    public static async Task<int> RunAsync(string workspace, string cache)
    {
        var start = Stopwatch.StartNew();
        await using var server = await UiServer.StartAsync(new UiOptions { Workspace = workspace, CacheDirectory = cache });
        Console.WriteLine($"server started, index loaded in {start.Elapsed.TotalSeconds:0.00} s");
        using var client = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(60) };
        Console.WriteLine("| request | first (s) | median of next 10 (s) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var path in new[] { "/runs", "/assets/runs.js", "/api/runs?sort=end&desc=1&limit=50", "/api/runs?name=Task07&param=epochs%3E5&sort=end&desc=1&limit=50", "/api/runs?sort=end&desc=1&offset=99950&limit=50" })
        {
            var first = await TimeAsync(client, path);
            var next = new List<double>();
            for (var i = 0; i < 10; i++)
            {
                next.Add(await TimeAsync(client, path));
            }

            next.Sort();
            Console.WriteLine($"| `{path}` | {first:0.000} | {next[5]:0.000} |");
        }

        return 0;
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        return watch.Elapsed.TotalSeconds;
    }
}
