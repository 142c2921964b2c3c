namespace GoKart.Cli.Experiments;

/// <summary>What <c>gokart experiments</c> was asked for.</summary>
internal sealed record ListingRequest
{
    public required string Directory { get; init; }

    public ArgsMode Args { get; init; } = ArgsMode.NonDefault;

    public IReadOnlyList<string> Columns { get; init; } = [];

    public string? Filter { get; init; }

    public string? Sort { get; init; }

    public bool Descending { get; init; }

    public string? GroupBy { get; init; }

    public int? Tail { get; init; }

    public string? Export { get; init; }

    /// <summary>Draw a Spectre.Console table (an interactive terminal) instead of plain aligned text.</summary>
    public bool Rich { get; init; }
}
