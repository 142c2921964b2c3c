namespace GoKart;

/// <summary>
/// How finely a <see cref="DateOnly"/> or <see cref="DateTime"/> parameter is written, choosing the luigi
/// parameter class it stands for (and so its command-line text and its part of the unique id).
/// </summary>
/// <example>
/// <code>
/// [Parameter(Granularity = DateGranularity.Month)]        // luigi.MonthParameter: --month 2024-05
/// public DateOnly Month { get; init; }
///
/// [Parameter(Granularity = DateGranularity.Hour)]         // luigi.DateHourParameter: --at 2024-05-10T19
/// public DateTime At { get; init; }
/// </code>
/// </example>
public enum DateGranularity
{
    /// <summary>
    /// The type's own form: <see cref="DateOnly"/> as luigi's DateParameter (<c>2024-05-10</c>),
    /// <see cref="DateTime"/> as DateSecondParameter (<c>2024-05-10T190738</c>, a fraction only when present).
    /// </summary>
    Default,

    /// <summary>luigi's YearParameter on a <see cref="DateOnly"/>: <c>2024</c>; month and day are ignored.</summary>
    Year,

    /// <summary>luigi's MonthParameter on a <see cref="DateOnly"/>: <c>2024-05</c>; the day is ignored.</summary>
    Month,

    /// <summary>luigi's DateHourParameter on a <see cref="DateTime"/>: <c>2024-05-10T19</c>; minutes and below are ignored.</summary>
    Hour,

    /// <summary>luigi's DateMinuteParameter on a <see cref="DateTime"/>: <c>2024-05-10T1907</c>; seconds and below are ignored.</summary>
    Minute,

    /// <summary>luigi's DateSecondParameter on a <see cref="DateTime"/>: <c>2024-05-10T190738</c>; fractions are ignored.</summary>
    Second,
}
