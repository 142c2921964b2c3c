namespace GoKart.CommandLine;

/// <summary>One <c>key = value</c> line (with its continuation lines).</summary>
internal sealed class IniEntry(string key, string value, int line)
{
    public string Key { get; } = key;

    public string Value { get; private set; } = value;

    public int Line { get; } = line;

    internal void Append(string continuation) => Value = Value.Length == 0 ? continuation : Value + "\n" + continuation;
}
