namespace GoKart.Execution.Journal;

/// <summary>One line to write, captured on a worker thread and formatted by the journal's writer.</summary>
internal readonly record struct JournalEvent(JournalEventKind Kind, DateTimeOffset Time, int Node, double Seconds, string? Text);

internal enum JournalEventKind
{
    Start,
    Done,
    Failed,
    End,
}
