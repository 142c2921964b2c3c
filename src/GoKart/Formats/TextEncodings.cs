using System.Text;

namespace GoKart.Formats;

/// <summary>
/// Text encodings for <see cref="Target.Encoding"/> by name, including the Windows/legacy code pages .NET leaves out by
/// default (Shift_JIS/cp932, EUC-JP, cp1252, ...).
/// </summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt; MakeTarget("data/names.csv") with { Encoding = TextEncodings.Get("cp932") };
/// </code>
/// </example>
public static class TextEncodings
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>The encoding called <paramref name="name"/> (a web name such as "shift_jis", or Python's "cp932").</summary>
    public static Encoding Get(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _ = Registered.Value;
        var normalized = name.Trim().ToUpperInvariant().Replace('_', '-');
        if (normalized.StartsWith("CP", StringComparison.Ordinal) && int.TryParse(normalized.AsSpan(2), out var codePage))
        {
            return Encoding.GetEncoding(codePage);
        }

        return Encoding.GetEncoding(name);
    }
}
