using System.Text;

namespace GoKart.CommandLine;

/// <summary>
/// An INI file as luigi reads it: <c>[section]</c> headers, <c>key = value</c> (or <c>key: value</c>) lines,
/// whole-line <c>#</c>/<c>;</c> comments, indented continuation lines, and <c>${ENV_VAR}</c> interpolation
/// (<c>$$</c> for a literal <c>$</c>) applied when a value is used.
/// </summary>
internal sealed class IniFile
{
    private IniFile(string path, List<IniSection> sections)
    {
        Path = path;
        Sections = sections;
    }

    /// <summary>The file as named by the user (for messages).</summary>
    public string Path { get; }

    public IReadOnlyList<IniSection> Sections { get; }

    public static IniFile Load(string path, string displayPath)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CommandLineException($"Config file '{displayPath}' does not exist. Check the path given to --config or GOKART_CONFIG_PATH.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"Config file '{displayPath}' cannot be read: {e.Message}");
        }

        return Parse(text, displayPath);
    }

    public static IniFile Parse(string text, string displayPath)
    {
        var sections = new List<IniSection>();
        IniSection? section = null;
        IniEntry? last = null;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            var number = i + 1;
            if (trimmed.Length == 0)
            {
                last = null;
                continue;
            }

            if (trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && last is not null)
            {
                last.Append(trimmed);
                continue;
            }

            if (trimmed[0] == '[')
            {
                if (trimmed[^1] != ']' || trimmed.Length < 3)
                {
                    throw new CommandLineException($"{displayPath}:{number}: malformed section header '{trimmed}'; write [TaskName].");
                }

                var name = trimmed[1..^1].Trim();
                section = sections.Find(s => s.Name == name);
                if (section is null)
                {
                    section = new IniSection(name, number);
                    sections.Add(section);
                }

                last = null;
                continue;
            }

            var separator = trimmed.IndexOfAny(['=', ':']);
            if (separator <= 0)
            {
                throw new CommandLineException($"{displayPath}:{number}: cannot parse '{trimmed}'; expected 'key = value' or '[section]'.");
            }

            if (section is null)
            {
                throw new CommandLineException($"{displayPath}:{number}: '{trimmed}' comes before any [section]; put it under [TaskName] or [core].");
            }

            last = new IniEntry(trimmed[..separator].Trim(), trimmed[(separator + 1)..].Trim(), number);
            section.Set(last);
        }

        return new IniFile(displayPath, sections);
    }

    /// <summary>Replaces <c>${NAME}</c> by the environment variable; a missing one is an error naming where it was used.</summary>
    public static string Interpolate(string value, Func<string, string?> getEnvironmentVariable, string origin)
    {
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$' || i + 1 >= value.Length)
            {
                sb.Append(value[i]);
            }
            else if (value[i + 1] == '$')
            {
                sb.Append('$');
                i++;
            }
            else if (value[i + 1] == '{')
            {
                var end = value.IndexOf('}', i + 2);
                if (end < 0)
                {
                    throw new CommandLineException($"{origin}: unterminated '${{' in '{value}'; write ${{NAME}}, or $$ for a literal $.");
                }

                var name = value[(i + 2)..end];
                sb.Append(getEnvironmentVariable(name) ?? throw new CommandLineException(
                    $"{origin}: environment variable '{name}' is not set. Set it, or write the value instead of ${{{name}}}."));
                i = end;
            }
            else
            {
                sb.Append('$');
            }
        }

        return sb.ToString();
    }
}
