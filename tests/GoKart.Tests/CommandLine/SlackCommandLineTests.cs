using System.Text.Json;
using GoKart.CommandLine;
using GoKart.Tests.Support;

namespace GoKart.Tests.CommandLine;

public sealed class SlackCommandLineTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Run_SlackConfigWithTokenVariable_PostsAfterTheBuildAndKeepsTheExitCode()
    {
        await using var server = new RecordingHttpServer();
        _cli.Environment["MY_SLACK"] = "xoxb-cli";
        _cli.WriteFile("gokart.ini", $"[SlackConfig]\ntoken_name = MY_SLACK\nchannel = #builds\nsend_tree_info = true\nbase_address = {server.Address}\n");

        var result = await _cli.RunAsync("CliFails");

        Assert.Equal(ExitCodes.TaskFailed, result.ExitCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer xoxb-cli", request.Authorization);
        using var json = JsonDocument.Parse(request.Body);
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("Report of CliFails[", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: boom", text, StringComparison.Ordinal);
        Assert.Contains("└─-(PENDING) CliFails[", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SlackRefuses_WarningOnlyAndSuccess()
    {
        await using var server = new RecordingHttpServer(answer: "{\"ok\": false, \"error\": \"invalid_auth\"}");
        _cli.Environment["SLACK_TOKEN"] = "bad";
        _cli.WriteFile("gokart.ini", $"[SlackConfig]\nchannel = #builds\nbase_address = {server.Address}\n");

        var result = await _cli.RunAsync("CliEcho", "--text=x");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Single(server.Requests);
        Assert.Contains("Slack notification not sent: Slack answered ok: false, invalid_auth", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SlackConfigWithoutToken_WarnsAndSendsNothing()
    {
        _cli.WriteFile("gokart.ini", "[SlackConfig]\nchannel = #builds\n");

        var result = await _cli.RunAsync("CliEcho", "--text=x");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Slack notification not sent", result.Error, StringComparison.Ordinal);
    }
}
