using System.Text;
using GoKart.Storage;

namespace GoKart.Ui.Live;

/// <summary>The build journals of a workspace (<c>.gokart/builds/*.jsonl</c>), read through its store (local or S3).</summary>
internal sealed class BuildJournals(IWorkspaceStore store)
{
    public const string Folder = ".gokart/builds/";
    private const string Extension = ".jsonl";

    /// <summary>Build ids, newest first (ids sort by time).</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var entry in store.ListAsync(Folder, cancellationToken).ConfigureAwait(false))
        {
            var name = entry.Path[Folder.Length..];
            if (name.EndsWith(Extension, StringComparison.Ordinal) && !name.Contains('/', StringComparison.Ordinal) && IsId(name[..^Extension.Length]))
            {
                ids.Add(name[..^Extension.Length]);
            }
        }

        ids.Sort(StringComparer.Ordinal);
        ids.Reverse();
        return ids;
    }

    /// <summary>The build's state, or null when there is no such journal.</summary>
    public async Task<BuildState?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id))
        {
            return null;
        }

        try
        {
            var stream = await store.OpenReadAsync(Folder + id + Extension, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return BuildJournal.Parse(id, await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Ids are file names the writer makes (letters, digits, '-', '_', '.'), never a path.</summary>
    public static bool IsId(string id) =>
        id.Length is > 0 and <= 128 && id[0] != '.' && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
