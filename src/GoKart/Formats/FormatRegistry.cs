namespace GoKart.Formats;

/// <summary>
/// Formats keyed by file extension. The longest registered extension that ends the file name wins, so
/// <c>.csv.gz</c> can be registered apart from <c>.gz</c>. A <see cref="GzipFormat"/> match composes with the format of
/// the rest of the name (<c>.csv.gz</c> is CSV in gzip). An unknown extension is an error listing the known ones.
/// </summary>
/// <example>
/// <code>
/// var formats = FormatRegistry.CreateDefault().Register(new MyParquetFormat());
/// Kart.Build(task, new BuildOptions { Formats = formats });
/// </code>
/// </example>
public sealed class FormatRegistry
{
    private readonly Dictionary<string, IFormat> _byExtension = new(StringComparer.OrdinalIgnoreCase);
    private int _longestExtension;

    /// <summary>The registered extensions, sorted.</summary>
    public IReadOnlyList<string> Extensions => [.. _byExtension.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with every built-in format.</summary>
    public static FormatRegistry CreateDefault() =>
        new FormatRegistry()
            .Register(new JsonTableFormat())
            .Register(new NdjsonFormat())
            .Register(new TextFormat())
            .Register(new BytesFormat())
            .Register(new CsvFormat())
            .Register(CsvFormat.Tsv())
            .Register(new NpyFormat())
            .Register(new NpzFormat())
            .Register(new PickleFormat())
            .Register(new XmlFormat())
            .Register(new DirectoryFormat())
            .Register(new GzipFormat());

    /// <summary>Registers (or replaces) the format for each of its extensions.</summary>
    public FormatRegistry Register(IFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        foreach (var extension in format.Extensions)
        {
            if (!extension.StartsWith('.'))
            {
                throw new ArgumentException($"Format '{format.Name}' declares extension '{extension}' without a leading dot.", nameof(format));
            }

            _byExtension[extension] = format;
            _longestExtension = Math.Max(_longestExtension, extension.Length);
        }

        return this;
    }

    /// <summary>The format for a path, or an <see cref="UnknownFormatException"/> that lists the known extensions.</summary>
    public IFormat Resolve(string path) =>
        TryResolve(path, out var format)
            ? format
            : throw new UnknownFormatException(
                $"No format for '{path}': unknown extension '{Path.GetExtension(path)}'. Known extensions: {string.Join(", ", Extensions)}. "
                + "Register your own with FormatRegistry.Register.");

    /// <summary>Finds the format for a path by its longest registered extension.</summary>
    public bool TryResolve(string path, out IFormat format)
    {
        var name = Path.GetFileName(path.AsSpan());
        for (var dot = name.IndexOf('.'); dot >= 0; dot = NextDot(name, dot))
        {
            var suffix = name[dot..];
            if (suffix.Length <= _longestExtension
                && _byExtension.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(suffix, out var found))
            {
                if (found is GzipFormat gzip)
                {
                    // x.csv.gz: the gzip wrapper over whatever the name without .gz resolves to.
                    if (!TryResolve(name[..dot].ToString(), out var inner) || inner is GzipFormat)
                    {
                        break;
                    }

                    found = gzip.Over(inner);
                }

                format = found;
                return true;
            }
        }

        format = null!;
        return false;
    }

    private static int NextDot(ReadOnlySpan<char> name, int dot)
    {
        var next = name[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }
}
