using System.IO.Compression;
using GoKart.Formats.Gzip;

namespace GoKart.Formats;

/// <summary>
/// <c>.gz</c> over any other format: <c>x.csv.gz</c> is CSV inside gzip, <c>x.json.gz</c> JSON, and so on. The
/// registry composes it with the format of the rest of the name; a bare <c>x.gz</c> is an unknown extension. Reading
/// checks the framing as Python's gzip module does: every member's trailer (CRC-32 and length) must match its data,
/// so a file cut short anywhere is an error, never a shorter value.
/// </summary>
/// <example>
/// <code>
/// protected override Target Output() =&gt; MakeTarget("data/events.ndjson.gz");
/// </code>
/// </example>
public sealed class GzipFormat : IFormat
{
    // Header (no name, no time, OS unknown), an empty final deflate block, CRC-32 0 and length 0.
    private static readonly byte[] EmptyMember = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private readonly IFormat? _inner;

    /// <summary>The registrable wrapper; the registry pairs it with an inner format per path.</summary>
    public GzipFormat()
    {
    }

    private GzipFormat(IFormat inner) => _inner = inner;

    // Kept as its number: a field of an enum type from System.IO.Compression made every build that merely registers
    // the default formats load that assembly (half a millisecond of a first load).
    private readonly int _level = (int)CompressionLevel.Fastest;

    /// <summary>The compression level of writes (default <see cref="CompressionLevel.Fastest"/>, as fast as gzip -1).</summary>
    public CompressionLevel Level
    {
        get => (CompressionLevel)_level;
        init => _level = (int)value;
    }

    /// <inheritdoc />
    public string Name => _inner is null ? "gzip" : _inner.Name + ".gz";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".gz"];

    /// <summary>The format inside the gzip stream, once composed.</summary>
    public IFormat? Inner => _inner;

    /// <summary>This wrapper over <paramref name="inner"/>.</summary>
    public GzipFormat Over(IFormat inner) => new(inner) { Level = Level };

    /// <inheritdoc />
    public bool Supports(Type type) => _inner?.Supports(type) ?? false;

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var inner = Require(context);
        var gzip = new GZipStream(stream, Level, leaveOpen: true);
        var data = new UnflushedStream(gzip);
        await using (gzip.ConfigureAwait(false))
        {
            await inner.WriteAsync(data, value, type, context, cancellationToken).ConfigureAwait(false);
        }

        if (data.Written == 0)
        {
            // GZipStream writes nothing for no data; Python's gzip.compress(b"") writes this member.
            await stream.WriteAsync(EmptyMember, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        var inner = Require(context);
        var gzip = new GzipReadStream(stream, context.Location);
        await using (gzip.ConfigureAwait(false))
        {
            try
            {
                var value = await inner.ReadAsync(gzip, type, context, cancellationToken).ConfigureAwait(false);
                try
                {
                    await gzip.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // A value that owns something (a model folder) is dropped, so it must not leak.
                    (value as IDisposable)?.Dispose();
                    throw;
                }

                return value;
            }
            catch (InvalidDataException e) when (!e.Message.StartsWith(context.Location, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"{context.Location}: corrupt gzip data: {e.Message}", e);
            }
        }
    }

    private IFormat Require(FormatContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _inner ?? throw new UnknownFormatException($"{context.Location}: '.gz' needs an inner format ('.csv.gz', '.json.gz', ...).");
    }
}
