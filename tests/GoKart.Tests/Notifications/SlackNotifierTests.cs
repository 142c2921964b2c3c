using System.Collections.Concurrent;
using System.Text.Json;
using GoKart.Notifications;
using GoKart.Storage;
using GoKart.Tests.Execution;
using GoKart.Tests.Support;

namespace GoKart.Tests.Notifications;

public sealed class SlackNotifierTests
{
    private static async Task<BuildReport> FailedBuildAsync() =>
        await Kart.ExecuteAsync(new HookedTask { Text = "s", Fail = true }, new BuildOptions { Store = new InMemoryStore() });

    [Fact]
    public async Task NotifyAsync_WebApi_PostsChatPostMessageWithBearerTokenAndJson()
    {
        await using var server = new RecordingHttpServer();
        var notifier = new SlackNotifier(new SlackOptions { Token = "xoxb-test", Channel = "#ml", ToUser = "U123", BaseAddress = server.Address });
        var report = await FailedBuildAsync();

        Assert.True(await notifier.NotifyAsync(report, "Root[abc]", "└─-(PENDING) Root[abc]"));

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/api/chat.postMessage", "Bearer xoxb-test"), (request.Method, request.Path, request.Authorization));
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("#ml", json.RootElement.GetProperty("channel").GetString());
        var text = json.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("<@U123> :x: Report of Root[abc]\nFAILED: 0 ran, 0 already complete, 1 failed", text, StringComparison.Ordinal);
        Assert.Contains("\n• HookedTask[", text, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException: broken s", text, StringComparison.Ordinal);
        Assert.EndsWith("\n```\n└─-(PENDING) Root[abc]\n```", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyAsync_Webhook_PostsTextToTheUrlWithoutToken()
    {
        await using var server = new RecordingHttpServer(answer: "ok");
        var notifier = new SlackNotifier(new SlackOptions { WebhookUrl = new Uri(server.Address, "hooks/T1") });

        Assert.True(await notifier.NotifyAsync(await FailedBuildAsync(), "Root[abc]", null));

        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/hooks/T1", request.Path);
        Assert.Null(request.Authorization);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(["text"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task NotifyAsync_SlackAnswersOkFalse_WarningAndFalse()
    {
        await using var server = new RecordingHttpServer(answer: "{\"ok\": false, \"error\": \"channel_not_found\"}");
        var logged = new ConcurrentQueue<string>();
        var notifier = new SlackNotifier(
            new SlackOptions { Token = "t", Channel = "#nope", BaseAddress = server.Address },
            logger: new ListLoggerFactory(logged).CreateLogger("slack"));

        Assert.False(await notifier.NotifyAsync(await FailedBuildAsync(), "Root[abc]", null));

        Assert.Contains(logged, l => l.StartsWith("Warning:", StringComparison.Ordinal) && l.Contains("channel_not_found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotifyAsync_SlackSlow_TimesOutWithWarning()
    {
        await using var server = new RecordingHttpServer(hang: true);
        var logged = new ConcurrentQueue<string>();
        var notifier = new SlackNotifier(
            new SlackOptions { Token = "t", Channel = "#c", BaseAddress = server.Address, Timeout = TimeSpan.FromMilliseconds(300) },
            logger: new ListLoggerFactory(logged).CreateLogger("slack"));

        Assert.False(await notifier.NotifyAsync(await FailedBuildAsync(), "Root[abc]", null));

        Assert.Contains(logged, l => l.Contains("no answer within 0.3 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotifyAsync_SlackDown_WarningAndFalse()
    {
        int port;
        await using (var gone = new RecordingHttpServer())
        {
            port = gone.Port;
        }

        var notifier = new SlackNotifier(new SlackOptions { Token = "t", Channel = "#c", BaseAddress = new Uri($"http://127.0.0.1:{port}/api/") });

        Assert.False(await notifier.NotifyAsync(await FailedBuildAsync(), "Root[abc]", null));
    }
}
