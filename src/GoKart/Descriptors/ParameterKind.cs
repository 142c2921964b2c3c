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
    Guid,
    Char,
    List,
    Dictionary,
    Task,
    TaskList,
}
