namespace GoKart.Descriptors;

/// <summary>What a parameter holds, decided once per property.</summary>
internal enum ParameterKind
{
    String,
    Bool,
    Integer,
    Single,
    Double,
    Decimal,
    Enum,
    DateOnly,
    DateTime,
    DateTimeOffset,
    TimeSpan,

    /// <summary>A DateOnly written as luigi's YearParameter.</summary>
    Year,

    /// <summary>A DateOnly written as luigi's MonthParameter.</summary>
    Month,

    /// <summary>A DateTime written as luigi's DateHourParameter.</summary>
    DateHour,

    /// <summary>A DateTime written as luigi's DateMinuteParameter.</summary>
    DateMinute,

    /// <summary>A DateTime written as luigi's DateSecondParameter (no fraction).</summary>
    DateSecond,

    /// <summary>A <see cref="GoKart.DateInterval"/> (luigi's DateIntervalParameter).</summary>
    DateInterval,
    Guid,
    Char,
    List,
    Dictionary,
    Task,
    TaskList,
}
