using System.Text;

namespace GoKart.Hashing;

/// <summary>Property names to the snake_case (hash, logs) and kebab-case (command line) names users see.</summary>
internal static class NameCase
{
    public static string ToSnakeCase(string name) => Separate(name, '_');

    public static string ToKebabCase(string name) => Separate(name, '-');

    private static string Separate(string name, char separator)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLowerOrDigit || acronymEnds)
                {
                    sb.Append(separator);
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c == '_' || c == '-' ? separator : c);
            }
        }

        return sb.ToString();
    }
}
