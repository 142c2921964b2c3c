namespace GoKart.CommandLine;

/// <summary>One <c>[section]</c> of an <see cref="IniFile"/>; a later key of the same name replaces an earlier one.</summary>
internal sealed class IniSection(string name, int line)
{
    private readonly List<IniEntry> _entries = [];

    public string Name { get; } = name;

    public int Line { get; } = line;

    public IReadOnlyList<IniEntry> Entries => _entries;

    public IniEntry? Find(string key) => _entries.Find(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    internal void Set(IniEntry entry)
    {
        _entries.RemoveAll(e => string.Equals(e.Key, entry.Key, StringComparison.OrdinalIgnoreCase));
        _entries.Add(entry);
    }
}
