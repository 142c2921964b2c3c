using GoKart.Notifications;
using Microsoft.Extensions.Logging;

namespace GoKart.CommandLine;

/// <summary>After a command-line build: the Slack message, when <c>[SlackConfig]</c> asks for one. Never fails the run.</summary>
internal static class SlackStep
{
    public static Task SendAsync(
        (SlackOptions Options, bool SendTreeInfo)? settings, TaskOnKart root, BuildReport report, BuildOptions options, CancellationToken cancellationToken)
    {
        if (settings is not { } s)
        {
            return Task.CompletedTask;
        }

        var logger = (options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance).CreateLogger("GoKart.Slack");

        // Tested here, outside the async method, so that a publish with the switch off has no path to the HTTP client.
        if (!FeatureSwitches.IsSlackSupported)
        {
            logger.LogWarning(
                "Slack notification not sent: [SlackConfig] asks for one, but this program was published without Slack (the AppContext switch '{Switch}' is false).",
                FeatureSwitches.Slack);
            return Task.CompletedTask;
        }

        return SendConfiguredAsync(s, root, report, options, logger, cancellationToken);
    }

    private static async Task SendConfiguredAsync(
        (SlackOptions Options, bool SendTreeInfo) s, TaskOnKart root, BuildReport report, BuildOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        if (!s.Options.IsConfigured)
        {
            logger.LogWarning("Slack notification not sent: [SlackConfig] needs webhook_url, or channel and a token in the variable named by token_name.");
            return;
        }

        string? tree = null;
        if (s.SendTreeInfo)
        {
            tree = await Kart.TreeInfoAsync(root, options, details: true, cancellationToken).ConfigureAwait(false);
        }

        using var http = new HttpClient();
        var label = $"{root.Descriptor.ClassName}[{root.UniqueId}]";
        await new SlackNotifier(s.Options, http, logger).NotifyAsync(report, label, tree, cancellationToken).ConfigureAwait(false);
    }
}
