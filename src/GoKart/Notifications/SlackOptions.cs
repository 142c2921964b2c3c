namespace GoKart.Notifications;

/// <summary>
/// Where <see cref="SlackNotifier"/> posts (gokart's <c>SlackConfig</c>): Slack's Web API <c>chat.postMessage</c>
/// with a bot token and a channel, or an incoming-webhook URL.
/// </summary>
/// <example>
/// <code>
/// var slack = new SlackNotifier(new SlackOptions { Token = Environment.GetEnvironmentVariable("SLACK_TOKEN"), Channel = "#ml" });
/// var report = await Kart.ExecuteAsync(task, options);
/// await slack.NotifyAsync(report, task.ToString(), treeInfo: null);
/// </code>
/// </example>
public sealed class SlackOptions
{
    /// <summary>A bot token (<c>xoxb-...</c>) for <c>chat.postMessage</c>; read it from the environment, never from a file in the repository.</summary>
    public string? Token { get; init; }

    /// <summary>The channel for <c>chat.postMessage</c> (<c>#name</c> or an id).</summary>
    public string? Channel { get; init; }

    /// <summary>A user to mention at the start of the message (gokart's <c>to_user</c>), without <c>@</c>.</summary>
    public string? ToUser { get; init; }

    /// <summary>An incoming-webhook URL; used instead of the Web API when set.</summary>
    public Uri? WebhookUrl { get; init; }

    /// <summary>The Web API's base address (default <c>https://slack.com/api/</c>); tests point it at a local server.</summary>
    public Uri BaseAddress { get; init; } = new("https://slack.com/api/");

    /// <summary>How long to wait for Slack before giving up with a warning (default 10 s).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether a notifier can be built from these settings: a webhook, or a token and a channel.</summary>
    public bool IsConfigured => WebhookUrl is not null || (!string.IsNullOrEmpty(Token) && !string.IsNullOrEmpty(Channel));
}
