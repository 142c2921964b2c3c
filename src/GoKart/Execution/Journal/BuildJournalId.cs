using System.Globalization;
using System.Security.Cryptography;

namespace GoKart.Execution.Journal;

/// <summary>
/// Build ids that sort by start time: <c>20261202T161932123Z-4242-a1b2</c> (UTC to the millisecond, the process id, and
/// four random hex digits so that two builds of one process in the same millisecond still differ).
/// </summary>
internal static class BuildJournalId
{
    /// <summary>The folder of journals inside a workspace; the viewer follows the files there.</summary>
    public const string Folder = ".gokart/builds/";

    public static string New(TimeProvider time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Environment.ProcessId}-{RandomNumberGenerator.GetHexString(4, lowercase: true)}");

    public static string PathOf(string buildId) => Folder + buildId + ".jsonl";
}
