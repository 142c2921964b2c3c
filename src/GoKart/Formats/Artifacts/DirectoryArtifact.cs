namespace GoKart.Formats;

/// <summary>
/// A folder stored as one object (gokart's <c>make_model_target</c>): a task writes files into
/// <see cref="Path"/> and returns the artifact; a <c>.zip</c> target zips the folder, and loading unzips it into a
/// fresh temporary folder. Dispose the artifact to delete a folder it owns.
/// </summary>
/// <example>
/// <code>
/// public sealed class Train : TaskOnKart&lt;DirectoryArtifact&gt;
/// {
///     protected override Target Output() =&gt; MakeTarget("model/model.zip");
///     protected override DirectoryArtifact Run()
///     {
///         var model = DirectoryArtifact.CreateTemporary();
///         File.WriteAllText(model.GetFilePath("weights.txt"), "0.1 0.2");
///         return model;
///     }
/// }
/// // downstream: using var model = Load(Train); File.ReadAllText(model.GetFilePath("weights.txt"));
/// </code>
/// </example>
public sealed class DirectoryArtifact : IDisposable
{
    private readonly bool _owned;

    /// <summary>Wraps an existing folder (not deleted on dispose).</summary>
    public DirectoryArtifact(string path)
        : this(path, owned: false)
    {
    }

    private DirectoryArtifact(string path, bool owned)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _owned = owned;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>A new empty temporary folder, deleted when the artifact is disposed.</summary>
    public static DirectoryArtifact CreateTemporary()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gokart-artifacts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new DirectoryArtifact(path, owned: true);
    }

    /// <summary>The full path of a file inside the folder ('/'-separated relative path).</summary>
    public string GetFilePath(string relativePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(relativePath);
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath));
        return full.StartsWith(Path + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{relativePath}' is outside the artifact folder {Path}.", nameof(relativePath));
    }

    /// <summary>Deletes the folder when this artifact owns it (made by <see cref="CreateTemporary"/> or by loading).</summary>
    public void Dispose()
    {
        if (_owned && Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    internal static DirectoryArtifact Owned(string path) => new(path, owned: true);
}
