namespace GoKart.Cli.Experiments;

/// <summary>A --filter expression that cannot be parsed; the message names the 1-based position.</summary>
internal sealed class FilterSyntaxException : Exception
{
    public FilterSyntaxException(string expression, int position, string problem)
        : base($"Bad --filter expression at position {position + 1}: {problem}\n  {expression}\n  {new string(' ', position)}^")
    {
        Position = position + 1;
    }

    /// <summary>The 1-based character position of the problem.</summary>
    public int Position { get; }
}
