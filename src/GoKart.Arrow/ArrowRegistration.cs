using GoKart.Formats;

namespace GoKart.Arrow;

/// <summary>Adds <c>.feather</c> and <c>.arrow</c> to a format registry.</summary>
public static class ArrowRegistration
{
    /// <summary>Registers <see cref="ArrowFormat"/> for <c>.feather</c> and <c>.arrow</c>.</summary>
    /// <example><code>var formats = FormatRegistry.CreateDefault().AddArrow();</code></example>
    public static FormatRegistry AddArrow(this FormatRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.Register(new ArrowFormat());
    }
}
