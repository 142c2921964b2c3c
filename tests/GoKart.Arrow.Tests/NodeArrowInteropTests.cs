using System.ComponentModel.DataAnnotations.Schema;
using System.Diagnostics;
using System.Text.Json;

namespace GoKart.Arrow.Tests;

public sealed record FromNode(
    [property: Column("id")] int Id, [property: Column("score")] double Score, [property: Column("name")] string? Name,
    [property: Column("flag")] bool? Flag, [property: Column("day")] DateOnly? Day);

/// <summary>npm's apache-arrow (an independent implementation, installed by .ci/setup.sh) reads what we write and writes what we read.</summary>
public sealed class NodeArrowInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gokart-arrow-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task NodeReads_WhatWeWrite_ValuesNullsDatesStringsAcrossBatches()
    {
        var rows = Enumerable.Range(0, 10).Select(Rows.Make).ToList();
        var path = Path.Combine(_dir, "x.feather");
        await File.WriteAllBytesAsync(path, await Rows.WriteAsync<IReadOnlyList<Wide>>(path, rows, new ArrowFormatOptions { BatchSize = 4 }));

        using var json = JsonDocument.Parse(await Node("read", path));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("batches").GetInt32());
        var types = root.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("type").GetString()!);
        Assert.Equal("Float64", types["Score"]);
        Assert.Equal("Utf8", types["Name"]);
        Assert.Equal("Timestamp<NANOSECOND>", types["When"]);
        Assert.Equal("Timestamp<NANOSECOND, UTC>", types["At"]);
        Assert.Equal("Date32<DAY>", types["Day"]);
        var read = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, read.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = read[i];
            var expected = rows[i];
            Assert.Equal(expected.Id, row.GetProperty("Id").GetInt32());
            Assert.Equal(expected.Big.ToString(System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("Big").GetString());
            Assert.Equal(expected.Score, row.GetProperty("Score").GetDouble());
            Assert.Equal(expected.Name, row.GetProperty("Name").GetString());
            Assert.Equal(expected.Note, row.GetProperty("Note").ValueKind == JsonValueKind.Null ? null : row.GetProperty("Note").GetString());
            Assert.Equal(expected.Maybe, row.GetProperty("Maybe").ValueKind == JsonValueKind.Null ? null : row.GetProperty("Maybe").GetInt32());
            Assert.Equal(expected.Flag, row.GetProperty("Flag").GetBoolean());
            Assert.Equal(expected.Color.ToString(), row.GetProperty("Color").GetString());
            Assert.Equal(expected.Key.ToString(), row.GetProperty("Key").GetString());
            // apache-arrow turns a date32 into milliseconds since the epoch.
            var days = expected.Day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
            Assert.Equal(days * 86_400_000L, row.GetProperty("Day").GetInt64());
        }
    }

    [Fact]
    public async Task WeRead_WhatNodeWrites()
    {
        var path = Path.Combine(_dir, "node.arrow");
        await Node("write", path);

        var rows = await Rows.ReadAsync<IReadOnlyList<FromNode>>(path, await File.ReadAllBytesAsync(path));

        Assert.Equal(
            [
                new FromNode(1, 1.5, "a", true, new DateOnly(2020, 1, 2)),
                new FromNode(2, double.NaN, null, false, new DateOnly(1969, 12, 31)),
                new FromNode(3, -2.25, "ü ✓", null, null),
            ],
            rows);
    }

    private static async Task<string> Node(string mode, string file)
    {
        // An ES module finds apache-arrow in the node_modules beside it, so the script runs from the source tree.
        var script = Path.Combine(ScriptDirectory(), "interop.mjs");
        var start = new ProcessStartInfo("node", [script, mode, file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node {mode} failed: {await error}");
        return await output;
    }

    /// <summary>The js/node_modules that .ci/setup.sh installs beside the test sources.</summary>
    private static string ScriptDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "GoKart.Arrow.Tests", "js");
            if (Directory.Exists(Path.Combine(candidate, "node_modules", "apache-arrow")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/GoKart.Arrow.Tests/js/node_modules is missing: run .ci/setup.sh (npm ci there).");
    }
}
