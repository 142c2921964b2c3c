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
    private readonly Dictionary<string, Entry> _byExtension = new(StringComparer.OrdinalIgnoreCase);
    private int _longestExtension;

    /// <summary>The registered extensions, sorted.</summary>
    public IReadOnlyList<string> Extensions => [.. _byExtension.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A registry with every built-in format.</summary>
    /// <remarks>
    /// Each built-in format is made when a path first resolves to it: making all twelve loaded System.Private.Xml and
    /// System.IO.Compression into every fresh process, about 8 ms of a one-task build (issue 18, start-up). The
    /// extensions are listed here; a test checks them against each format's own <see cref="IFormat.Extensions"/>.
    /// A format whose AppContext switch is off (docs/aot.md) keeps its extensions, and resolving one is an error that
    /// names the switch; a trimmed or Native AOT publish with the switch off leaves the format out.
    /// </remarks>
    public static FormatRegistry CreateDefault() =>
        new FormatRegistry()
            .Defer(() => new JsonTableFormat(), ".json")
            .Defer(FeatureSwitches.IsNdjsonSupported ? static () => new NdjsonFormat() : TurnedOff(".ndjson", FeatureSwitches.Ndjson), ".ndjson", ".jsonl")
            .Defer(() => new TextFormat(), ".txt")
            .Defer(() => new BytesFormat(), ".bin", ".png", ".jpg", ".jpeg")
            .Defer(FeatureSwitches.IsCsvSupported ? static () => new CsvFormat() : TurnedOff(".csv", FeatureSwitches.Csv), ".csv")
            .Defer(FeatureSwitches.IsCsvSupported ? CsvFormat.Tsv : TurnedOff(".tsv", FeatureSwitches.Csv), ".tsv")
            .Defer(FeatureSwitches.IsNumpySupported ? static () => new NpyFormat() : TurnedOff(".npy", FeatureSwitches.Numpy), ".npy")
            .Defer(FeatureSwitches.IsNumpySupported ? static () => new NpzFormat() : TurnedOff(".npz", FeatureSwitches.Numpy), ".npz")
            .Defer(FeatureSwitches.IsPickleSupported ? static () => new PickleFormat() : TurnedOff(".pkl", FeatureSwitches.Pickle), ".pkl", ".pickle")
            .Defer(FeatureSwitches.IsXmlSupported ? static () => new XmlFormat() : TurnedOff(".xml", FeatureSwitches.Xml), ".xml")
            .Defer(FeatureSwitches.IsZipSupported ? static () => new DirectoryFormat() : TurnedOff(".zip", FeatureSwitches.Zip), ".zip")
            .Defer(FeatureSwitches.IsGzipSupported ? static () => new GzipFormat() : TurnedOff(".gz", FeatureSwitches.Gzip), ".gz");

    // Apart from the lambdas above so that a publish with a switch off has no path to that format at all.
    private static Func<IFormat> TurnedOff(string extension, string switchName) =>
        () => throw FeatureSwitches.Disabled($"The {extension} format", switchName);

    /// <summary>Registers (or replaces) the format for each of its extensions.</summary>
    public FormatRegistry Register(IFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var entry = new Entry(format);
        foreach (var extension in format.Extensions)
        {
            if (!extension.StartsWith('.'))
            {
                throw new ArgumentException($"Format '{format.Name}' declares extension '{extension}' without a leading dot.", nameof(format));
            }

            Add(extension, entry);
        }

        return this;
    }

    private FormatRegistry Defer(Func<IFormat> create, params string[] extensions)
    {
        var entry = new Entry(create);
        foreach (var extension in extensions)
        {
            Add(extension, entry);
        }

        return this;
    }

    private void Add(string extension, Entry entry)
    {
        _byExtension[extension] = entry;
        _longestExtension = Math.Max(_longestExtension, extension.Length);
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
                && _byExtension.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(suffix, out var entry))
            {
                var found = entry.Format;
                if (found is GzipFormat gzip && FeatureSwitches.IsGzipSupported)
                {
                    // x.csv.gz: the gzip wrapper over whatever the name without .gz resolves to.
                    if (!TryResolve(name[..dot].ToString(), out var inner) || inner is GzipFormat)
                    {
                        break;
                    }

                    found = Over(gzip, inner);
                }

                format = found;
                return true;
            }
        }

        format = null!;
        return false;
    }

    // Apart: composing names GzipFormat's level (System.IO.Compression), which would load that assembly into every
    // process that resolves a format, gzip or not (half a millisecond of a first load).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "Returned as IFormat on purpose, like the caller's other results.")]
    private static IFormat Over(GzipFormat gzip, IFormat inner) => gzip.Over(inner);

    private static int NextDot(ReadOnlySpan<char> name, int dot)
    {
        var next = name[(dot + 1)..].IndexOf('.');
        return next < 0 ? -1 : dot + 1 + next;
    }

    /// <summary>A registered format, or a built-in one made on first use (once, whichever build thread asks first).</summary>
    private sealed class Entry
    {
        private readonly Lock _gate = new();
        private Func<IFormat>? _create;
        private IFormat? _format;

        public Entry(IFormat format) => _format = format;

        public Entry(Func<IFormat> create) => _create = create;

        public IFormat Format
        {
            get
            {
                if (Volatile.Read(ref _format) is { } format)
                {
                    return format;
                }

                lock (_gate)
                {
                    if (_format is null)
                    {
                        Volatile.Write(ref _format, _create!());
                        _create = null;
                    }

                    return _format;
                }
            }
        }
    }
}
