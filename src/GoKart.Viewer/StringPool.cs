namespace GoKart.Viewer;

/// <summary>One instance per distinct string (task names, namespaces, parameter names repeat across 100,000 runs).</summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string Intern(ReadOnlySpan<char> text)
    {
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var made = text.ToString();
        _strings.Add(made);
        return made;
    }

    public string? Intern(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (_strings.TryGetValue(text, out var existing))
        {
            return existing;
        }

        _strings.Add(text);
        return text;
    }
}
