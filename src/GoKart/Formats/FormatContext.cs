namespace GoKart.Formats;

/// <summary>What a format knows about the object it reads or writes.</summary>
/// <param name="Location">The full location for error messages (<c>resources/data/x_&lt;id&gt;.csv</c>).</param>
/// <param name="Target">The target, with its options (encoding, ...).</param>
/// <param name="Registry">The registry, for formats that wrap others (<c>.gz</c>).</param>
public sealed record FormatContext(string Location, Target Target, FormatRegistry Registry);
