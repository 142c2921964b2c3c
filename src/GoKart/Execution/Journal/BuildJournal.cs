using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace GoKart.Execution.Journal;

/// <summary>
/// The live journal of one build (<see cref="BuildOptions.Journal"/>): <c>.gokart/builds/&lt;build-id&gt;.jsonl</c> in the
/// workspace, a plan line then one line per task start, success and failure, and an end line, which
/// <c>gokart ui</c> follows. Workers only post a small struct to a channel; one background writer formats and writes,
/// so a slow disk or S3 never holds a task back. A write that fails is a warning; the build goes on.
/// </summary>
internal sealed partial class BuildJournal(BuildSession session, string buildId)
{
    private readonly Channel<JournalEvent> _events = Channel.CreateUnbounded<JournalEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<TaskNode, int> _index = new(ReferenceEqualityComparer.Instance);
    private Task? _writer;

    public string BuildId { get; } = buildId;

    public string Path => BuildJournalId.PathOf(BuildId);

    /// <summary>Writes the plan (every task the planner looked at) and starts the writer.</summary>
    public void Planned(TaskGraph graph)
    {
        var listed = graph.Nodes.Where(n => n.Scheduled || n.Status == TaskRunStatus.AlreadyComplete).ToList();
        for (var i = 0; i < listed.Count; i++)
        {
            _index[listed[i]] = i;
        }

        var plan = PlanLine(listed, _index.GetValueOrDefault(graph.Root, -1));
        _writer = Task.Run(() => WriteAsync(plan));
    }

    public void Started(TaskNode node) => Post(JournalEventKind.Start, node, 0, null);

    public void Done(TaskNode node) => Post(JournalEventKind.Done, node, node.Duration?.TotalSeconds ?? 0, null);

    public void Failed(TaskNode node) => Post(JournalEventKind.Failed, node, 0, FirstLine(node.Error?.Message));

    /// <summary>Writes the end line and waits until everything is written; does nothing when the plan was never written.</summary>
    public async Task EndAsync(string status)
    {
        if (_writer is null)
        {
            return;
        }

        _events.Writer.TryWrite(new JournalEvent(JournalEventKind.End, session.Time.GetUtcNow(), -1, 0, status));
        _events.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private void Post(JournalEventKind kind, TaskNode node, double seconds, string? text)
    {
        if (_index.TryGetValue(node, out var n))
        {
            _events.Writer.TryWrite(new JournalEvent(kind, session.Time.GetUtcNow(), n, seconds, text));
        }
    }

    private static string FirstLine(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return string.Empty;
        }

        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }

    private byte[] PlanLine(List<TaskNode> listed, int root)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (listed.Count * 160));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", "plan");
            json.WriteString("build", BuildId);
            json.WriteString("time", Format(session.Time.GetUtcNow()));
            json.WriteString("host", Environment.MachineName);
            json.WriteNumber("pid", Environment.ProcessId);
            json.WriteNumber("workers", session.Options.Workers);
            json.WriteNumber("root", root);
            json.WriteStartArray("tasks");
            foreach (var node in listed)
            {
                json.WriteStartObject();
                json.WriteString("task", node.Name);
                json.WriteString("type", node.Task.GetType().FullName);
                json.WriteString("id", node.Id);
                json.WriteStartArray("requires");
                foreach (var index in node.Dependencies.Select(d => _index.GetValueOrDefault(d, -1)).Where(i => i >= 0).Distinct())
                {
                    json.WriteNumberValue(index);
                }

                json.WriteEndArray();
                json.WriteString("state", node.Status == TaskRunStatus.AlreadyComplete ? "complete" : "pending");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static string Format(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private async Task WriteAsync(byte[] plan)
    {
        JournalSink? sink = null;
        try
        {
            sink = JournalSink.Open(session.Store, Path);
            await PumpAsync(sink, plan).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A journal that cannot be written (disk full, S3 gone) is a warning: the build is what matters.
        catch (Exception e)
#pragma warning restore CA1031
        {
            WriteFailed(session.Logger, e, session.Store.Describe(Path));

            // Keep reading so that posting never piles up and EndAsync returns.
            while (await _events.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_events.Reader.TryRead(out _))
                {
                }
            }
        }
        finally
        {
            if (sink is not null)
            {
                await sink.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task PumpAsync(JournalSink sink, byte[] plan)
    {
        var reader = _events.Reader;
        var line = new ArrayBufferWriter<byte>(256);
        sink.Append(plan);
        await sink.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        var lastFlush = session.Time.GetTimestamp();
        var dirty = false;
        var more = reader.WaitToReadAsync().AsTask();
        while (true)
        {
            if (dirty)
            {
                var wait = sink.FlushInterval - session.Time.GetElapsedTime(lastFlush);
                if (wait <= TimeSpan.Zero)
                {
                    await sink.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                    (lastFlush, dirty) = (session.Time.GetTimestamp(), false);
                    continue;
                }

                using var stopWaiting = new CancellationTokenSource();
                var delay = Task.Delay(wait, session.Time, stopWaiting.Token);
                await Task.WhenAny(more, delay).ConfigureAwait(false);
                await stopWaiting.CancelAsync().ConfigureAwait(false);
                if (!more.IsCompleted)
                {
                    continue;
                }
            }

            if (!await more.ConfigureAwait(false))
            {
                break;
            }

            while (reader.TryRead(out var e))
            {
                line.ResetWrittenCount();
                Format(e, line);
                sink.Append(line.WrittenSpan);
                dirty = true;
            }

            more = reader.WaitToReadAsync().AsTask();
        }

        if (dirty)
        {
            await sink.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void Format(JournalEvent e, ArrayBufferWriter<byte> buffer)
    {
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", e.Kind switch
            {
                JournalEventKind.Start => "start",
                JournalEventKind.Done => "done",
                JournalEventKind.Failed => "failed",
                _ => "end",
            });
            json.WriteString("time", Format(e.Time));
            if (e.Kind == JournalEventKind.End)
            {
                json.WriteString("status", e.Text);
            }
            else
            {
                json.WriteNumber("n", e.Node);
            }

            if (e.Kind == JournalEventKind.Done)
            {
                json.WriteNumber("seconds", Math.Round(e.Seconds, 6));
            }
            else if (e.Kind == JournalEventKind.Failed)
            {
                json.WriteString("error", e.Text);
            }

            json.WriteEndObject();
        }

        buffer.Write("\n"u8);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the build journal {Journal}; the build goes on without it")]
    private static partial void WriteFailed(ILogger logger, Exception exception, string journal);
}
