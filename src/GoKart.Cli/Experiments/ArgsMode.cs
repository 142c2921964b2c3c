namespace GoKart.Cli.Experiments;

/// <summary>Which argument columns a listing shows.</summary>
internal enum ArgsMode
{
    /// <summary>Every argument any experiment has.</summary>
    All,

    /// <summary>Arguments whose value is not the same in every listed experiment.</summary>
    Varying,

    /// <summary>Arguments that differ from the program's default in at least one listed experiment.</summary>
    NonDefault,
}
