namespace GoKart.Slurm;

/// <summary>POSIX shell quoting for the job's <c>--wrap</c> line and printed commands.</summary>
internal static class ShellQuote
{
    public static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c, StringComparison.Ordinal))
            ? value
            : "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
