using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoKart.Notifications;

/// <summary>
/// Posts a build's outcome to Slack (gokart's Slack notification): the summary, each failed task's error, and
/// optionally the dependency tree as a code block. Uses <c>chat.postMessage</c> (gokart's <c>files.upload</c> was
/// retired by Slack) or an incoming webhook. Slack being down, slow or answering <c>ok: false</c> is logged as a
/// warning and reported by the return value; it never throws.
/// </summary>
public sealed partial class SlackNotifier
{
    // Slack cuts a message's text at 40,000 characters; keep well below, trees of big graphs are long.
    private const int MaxTreeLength = 30_000;

    private readonly SlackOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _logger;

    /// <summary>Creates a notifier; <paramref name="http"/> defaults to a new client.</summary>
    public SlackNotifier(SlackOptions options, HttpClient? http = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = http ?? new HttpClient();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The text posted for <paramref name="report"/>.</summary>
    public string FormatMessage(BuildReport report, string rootLabel, string? treeInfo)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        if (!string.IsNullOrEmpty(_options.ToUser))
        {
            sb.Append("<@").Append(_options.ToUser).Append("> ");
        }

        var ran = report.Tasks.Count(t => t.Status == TaskRunStatus.Succeeded);
        var complete = report.Tasks.Count(t => t.Status is TaskRunStatus.AlreadyComplete or TaskRunStatus.CompletedElsewhere);
        sb.Append(report.Succeeded ? ":white_check_mark: " : ":x: ").Append("Report of ").Append(rootLabel).Append('\n');
        sb.Append(report.Succeeded ? "SUCCESS" : "FAILED").Append(": ")
            .Append(ran).Append(" ran, ").Append(complete).Append(" already complete, ").Append(report.Failures.Count).Append(" failed");
        var upstream = report.Tasks.Count(t => t.Status == TaskRunStatus.UpstreamFailed);
        if (upstream > 0)
        {
            sb.Append(", ").Append(upstream).Append(" not run because a requirement failed");
        }

        sb.Append(" in ").Append(report.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)).Append(" s.");
        foreach (var failure in report.Failures)
        {
            sb.Append("\n• ").Append(failure);
        }

        if (!string.IsNullOrEmpty(treeInfo))
        {
            var tree = treeInfo.Length <= MaxTreeLength ? treeInfo : treeInfo[..MaxTreeLength] + "\n... (cut)";
            sb.Append("\n```\n").Append(tree).Append("\n```");
        }

        return sb.ToString();
    }

    /// <summary>Posts the message; true when Slack accepted it, false (with a warning logged) otherwise.</summary>
    public async Task<bool> NotifyAsync(BuildReport report, string rootLabel, string? treeInfo, CancellationToken cancellationToken = default)
    {
        var text = FormatMessage(report, rootLabel, treeInfo);
        if (!_options.IsConfigured)
        {
            NotSent(_logger, "neither a webhook URL nor a token and a channel are set");
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var request = BuildRequest(text);
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                NotSent(_logger, $"HTTP {(int)response.StatusCode} {Shorten(body)}");
                return false;
            }

            if (_options.WebhookUrl is null && SlackError(body) is { } error)
            {
                NotSent(_logger, "Slack answered ok: false, " + error);
                return false;
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            NotSent(_logger, $"no answer within {_options.Timeout.TotalSeconds} s");
            return false;
        }
        catch (HttpRequestException e)
        {
            NotSent(_logger, e.Message);
            return false;
        }
    }

    private HttpRequestMessage BuildRequest(string text)
    {
        if (_options.WebhookUrl is { } webhook)
        {
            return new HttpRequestMessage(HttpMethod.Post, webhook) { Content = Json(new Dictionary<string, string> { ["text"] = text }) };
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(WithSlash(_options.BaseAddress), "chat.postMessage"))
        {
            Content = Json(new Dictionary<string, string> { ["channel"] = _options.Channel!, ["text"] = text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        return request;
    }

    // Written field by field rather than through JsonSerializer, which a Native AOT program cannot use on a dictionary.
    private static StringContent Json(Dictionary<string, string> body)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in body)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return new(Encoding.UTF8.GetString(buffer.WrittenSpan), Encoding.UTF8, "application/json");
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    private static string? SlackError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            {
                return null;
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) ? error.ToString() : Shorten(body);
        }
        catch (JsonException)
        {
            return "not JSON: " + Shorten(body);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197] + "...";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack notification not sent: {Reason}")]
    private static partial void NotSent(ILogger logger, string reason);
}
