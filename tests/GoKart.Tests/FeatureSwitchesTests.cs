using GoKart.CommandLine;
using GoKart.Formats;
using GoKart.Tests.CommandLine;
using GoKart.Tests.Support;

namespace GoKart.Tests;

/// <summary>The AppContext switches a trimmed or Native AOT program can turn off (docs/aot.md).</summary>
[Collection(AppContextSwitchCollection.Name)]
public sealed class FeatureSwitchesTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("GoKart.Formats.Xml.IsSupported", "a/x_1.xml", ".xml", "xml")]
    [InlineData("GoKart.Formats.Csv.IsSupported", "x.csv", ".csv", "csv")]
    [InlineData("GoKart.Formats.Csv.IsSupported", "x.tsv", ".tsv", "tsv")]
    [InlineData("GoKart.Formats.Ndjson.IsSupported", "x.jsonl", ".ndjson", "ndjson")]
    [InlineData("GoKart.Formats.Numpy.IsSupported", "x.npy", ".npy", "npy")]
    [InlineData("GoKart.Formats.Numpy.IsSupported", "x.npz", ".npz", "npz")]
    [InlineData("GoKart.Formats.Pickle.IsSupported", "x.pickle", ".pkl", "pickle")]
    [InlineData("GoKart.Formats.Zip.IsSupported", "model.zip", ".zip", "directory")]
    [InlineData("GoKart.Formats.Gzip.IsSupported", "x.csv.gz", ".gz", "csv.gz")]
    public void Resolve_FormatSwitchOff_IsAnErrorNamingTheSwitch(string name, string path, string extension, string format)
    {
        var e = WithSwitch(name, false, () =>
        {
            var registry = FormatRegistry.CreateDefault();
            Assert.Equal("json", registry.Resolve("x.json").Name);
            Assert.Contains(extension, registry.Extensions);
            return Assert.Throws<NotSupportedException>(() => registry.Resolve(path));
        });

        Assert.Contains($"'{name}' is false", e.Message, StringComparison.Ordinal);
        Assert.Contains($"The {extension} format", e.Message, StringComparison.Ordinal);
        Assert.Equal(format, FormatRegistry.CreateDefault().Resolve(path).Name);
    }

    [Fact]
    public async Task Run_SlackSwitchOff_SendsNothingAndWarnsNamingTheSwitch()
    {
        await using var server = new RecordingHttpServer();
        _cli.Environment["MY_SLACK"] = "xoxb-cli";
        _cli.WriteFile("gokart.ini", $"[SlackConfig]\ntoken_name = MY_SLACK\nchannel = #builds\nbase_address = {server.Address}\n");

        AppContext.SetSwitch(FeatureSwitches.Slack, false);
        CliResult result;
        try
        {
            result = await _cli.RunAsync("CliEcho", "--text=x");
        }
        finally
        {
            AppContext.SetSwitch(FeatureSwitches.Slack, true);
        }

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(server.Requests);
        Assert.Contains("Slack notification not sent", result.Error, StringComparison.Ordinal);
        Assert.Contains("'GoKart.Notifications.Slack.IsSupported' is false", result.Error, StringComparison.Ordinal);
    }

    private static T WithSwitch<T>(string name, bool value, Func<T> body)
    {
        AppContext.SetSwitch(name, value);
        try
        {
            return body();
        }
        finally
        {
            AppContext.SetSwitch(name, !value);
        }
    }
}

/// <summary>Tests that flip process-wide AppContext switches run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppContextSwitchCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "AppContext switches";
}
