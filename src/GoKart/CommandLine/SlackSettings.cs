using System.Globalization;
using GoKart.Notifications;

namespace GoKart.CommandLine;

/// <summary>
/// gokart's <c>[SlackConfig]</c> section: <c>token_name</c> (the environment variable holding the bot token),
/// <c>channel</c>, <c>to_user</c>, <c>send_tree_info</c>, plus <c>webhook_url</c>, <c>base_address</c> and
/// <c>timeout</c> (seconds). Nothing is sent unless a webhook, or a token and a channel, are set.
/// </summary>
internal static class SlackSettings
{
    public const string Section = "SlackConfig";

    public static (SlackOptions Options, bool SendTreeInfo)? Read(IReadOnlyList<IniFile> files, Func<string, string?> getEnvironmentVariable)
    {
        var values = new Dictionary<string, (string Value, string Origin)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            foreach (var section in file.Sections.Where(s => s.Name == Section))
            {
                foreach (var entry in section.Entries)
                {
                    var origin = $"{file.Path}:{entry.Line} [{section.Name}] {entry.Key}";
                    values[entry.Key.ToLowerInvariant().Replace('-', '_')] = (IniFile.Interpolate(entry.Value, getEnvironmentVariable, origin), origin);
                }
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        string? Get(string key) => values.TryGetValue(key, out var v) && v.Value.Length > 0 ? v.Value : null;
        var tokenName = Get("token_name") ?? "SLACK_TOKEN";
        var options = new SlackOptions
        {
            Token = getEnvironmentVariable(tokenName),
            Channel = Get("channel"),
            ToUser = Get("to_user"),
            WebhookUrl = Get("webhook_url") is { } url ? Absolute(url, values["webhook_url"].Origin) : null,
            BaseAddress = Get("base_address") is { } address ? Absolute(address, values["base_address"].Origin) : new Uri("https://slack.com/api/"),
            Timeout = Get("timeout") is { } t
                ? TimeSpan.FromSeconds(double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
                    ? s
                    : throw new CommandLineException($"{values["timeout"].Origin}: '{t}' is not a number of seconds above 0."))
                : TimeSpan.FromSeconds(10),
        };
        var sendTree = Get("send_tree_info") is { } send && ArgumentParser.ParseBool(values["send_tree_info"].Origin, send);
        return (options, sendTree);
    }

    private static Uri Absolute(string text, string origin) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CommandLineException($"{origin}: '{text}' is not an http(s) URL.");
}
