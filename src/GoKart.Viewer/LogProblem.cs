namespace GoKart.Viewer;

/// <summary>A file under <c>log/</c> that could not be read; the listing goes on without it.</summary>
/// <param name="Location">The file, as the store describes it.</param>
/// <param name="Message">What was wrong with it.</param>
public sealed record LogProblem(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
