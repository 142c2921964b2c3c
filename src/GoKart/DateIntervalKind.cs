namespace GoKart;

/// <summary>The kinds of <see cref="DateInterval"/>, after luigi's <c>date_interval</c> classes.</summary>
public enum DateIntervalKind
{
    /// <summary>One day: <c>2024-05-10</c>.</summary>
    Date,

    /// <summary>One ISO-8601 week: <c>2024-W19</c>.</summary>
    Week,

    /// <summary>One month: <c>2024-05</c>.</summary>
    Month,

    /// <summary>One year: <c>2024</c>.</summary>
    Year,

    /// <summary>Any range: <c>2024-05-10-2024-06-10</c>.</summary>
    Custom,
}
