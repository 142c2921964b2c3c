using System.IO.Compression;

namespace GoKart.Formats;

/// <summary>
/// <c>.zip</c>: a <see cref="DirectoryArtifact"/> (a model folder) stored as one zip object and restored into a fresh
/// temporary folder on load. Entries that would land outside the folder are refused.
/// </summary>
public sealed class DirectoryFormat : IFormat
{
    /// <inheritdoc />
    public string Name => "directory";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".zip"];

    /// <inheritdoc />
    public bool Supports(Type type) => type == typeof(DirectoryArtifact);

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (value is not DirectoryArtifact artifact || !Directory.Exists(artifact.Path))
        {
            throw new InvalidDataException($"{context.Location}: expected a DirectoryArtifact pointing at an existing folder, got {(value as DirectoryArtifact)?.Path ?? value?.GetType().Name ?? "null"}.");
        }

        var archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var file in Directory.EnumerateFiles(artifact.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(artifact.Path, file).Replace('\\', '/');
                var entry = await archive.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (entry.ConfigureAwait(false))
                {
                    var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, useAsync: true);
                    await using (source.ConfigureAwait(false))
                    {
                        await source.CopyToAsync(entry, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var artifact = DirectoryArtifact.CreateTemporary();
        try
        {
            var archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
            await using (archive.ConfigureAwait(false))
            {
                foreach (var entry in archive.Entries)
                {
                    if (entry.FullName.EndsWith('/'))
                    {
                        continue;
                    }

                    var target = SafePath(artifact, entry.FullName, context.Location);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    var source = new Numpy.CrcCheckingStream(await entry.OpenAsync(cancellationToken).ConfigureAwait(false), entry.Crc32, entry.Length, $"{context.Location} [{entry.FullName}]");
                    await using (source.ConfigureAwait(false))
                    {
                        var file = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, useAsync: true);
                        await using (file.ConfigureAwait(false))
                        {
                            await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }

            return artifact;
        }
        catch (InvalidDataException e)
        {
            artifact.Dispose();
            throw e.Message.StartsWith(context.Location, StringComparison.Ordinal)
                ? e
                : new InvalidDataException($"{context.Location}: not a readable zip archive (truncated or corrupt?): {e.Message}", e);
        }
        catch
        {
            artifact.Dispose();
            throw;
        }
    }

    private static string SafePath(DirectoryArtifact artifact, string entryName, string location)
    {
        try
        {
            return artifact.GetFilePath(entryName);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{location}: zip entry '{entryName}' would be written outside the folder; refused.", e);
        }
    }
}
