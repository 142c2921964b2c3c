namespace GoKart;

/// <summary>The wording shared by the workspace-store and task-lock provider lookups.</summary>
internal static class ProviderMessages
{
    /// <summary>A provider's <see cref="ArgumentException"/> text without .NET's " (Parameter 'x')" suffix, for users.</summary>
    public static string Reason(ArgumentException e) =>
        e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);

    /// <summary>Which providers were tried, for the "no provider opens it" message.</summary>
    public static string Tried<T>(IReadOnlyList<T> providers) where T : notnull =>
        providers.Count == 0 ? "none is registered" : "the registered ones (" + string.Join(", ", providers.Select(p => p.GetType().Name)) + ") do not accept it";
}
