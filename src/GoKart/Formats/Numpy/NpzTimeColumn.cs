using System.Diagnostics.CodeAnalysis;

namespace GoKart.Formats.Numpy;

/// <summary>
/// A DateTime, DateTimeOffset, DateOnly, TimeSpan or TimeOnly column (nullable or not) as datetime64/timedelta64.
/// NaT is null; any unit in <see cref="NpyTimeUnit.Units"/> is read exactly, and a value that does not fit the
/// property, or has a part finer than .NET's 100 ns tick, is an error rather than a silent truncation.
/// </summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzTimeColumn<T> : NpzColumn
    where T : struct
{
    private readonly NpyTimeMapping<T> _map;
    private readonly bool _nullable;

    public NpzTimeColumn(NpyTimeMapping<T> map, bool nullable)
    {
        _map = map;
        _nullable = nullable;
    }

    public override string Accepts => $"{(_map.Kind == 'M' ? "datetime64" : "timedelta64")} in {NpyTimeUnit.Units}";

    public override async ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var units = new long[values.Length];
        if (_nullable)
        {
            var source = (T?[])values;
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = source[i] is { } value ? ToUnits(value, i, site) : NpyTimeUnit.NaT;
            }
        }
        else
        {
            var source = (T[])values;
            for (var i = 0; i < units.Length; i++)
            {
                units[i] = ToUnits(source[i], i, site);
            }
        }

        await NpyArrays.WriteAsync(stream, units, [units.LongLength], _map.Descr, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        if (NpyTimeUnit.Parse(header.Descr) is not { } unit || unit.Kind != _map.Kind)
        {
            throw site.Mismatch(header.Descr, Accepts);
        }

        var raw = (long[])await NpyArrays.ReadBodyAsync(stream, header with { Descr = "<i8" }, typeof(long[]), site.Location, cancellationToken).ConfigureAwait(false);
        if (_nullable)
        {
            var values = new T?[raw.Length];
            for (var i = 0; i < raw.Length; i++)
            {
                values[i] = raw[i] == NpyTimeUnit.NaT ? null : FromUnits(raw[i], unit, header.Descr, i, site);
            }

            return values;
        }

        var plain = new T[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == NpyTimeUnit.NaT)
            {
                throw site.AtRow(i, $"NaT (a missing time) but {site.Record}.{site.Column} is {site.TypeName}, which cannot be null (make it {site.TypeName}?)");
            }

            plain[i] = FromUnits(raw[i], unit, header.Descr, i, site);
        }

        return plain;
    }

    private long ToUnits(T value, int index, NpzColumnSite site) =>
        _map.Write(value, out var units) ? units : throw site.AtRow(index, $"{Text(value)} is outside {_map.Holds}");

    // ISO 8601 as CSV writes it; TimeSpan has no "O" format.
    private static string Text(T value) =>
        ((IFormattable)value).ToString(value is TimeSpan ? "c" : "O", System.Globalization.CultureInfo.InvariantCulture);

    private T FromUnits(long raw, NpyTimeUnit unit, string descr, int index, NpzColumnSite site)
    {
        if (!unit.TryToTicks(raw, out var ticks, out var finer))
        {
            throw site.AtRow(index, finer
                ? $"{raw} ({descr}) is finer than the 100 ns tick of {site.TypeName}; round it first (pandas: s.dt.floor(\"us\"))"
                : $"{raw} ({descr}) is outside {_map.Range}");
        }

        var problem = _map.Read(ticks, out var value);
        return problem is null ? value : throw site.AtRow(index, $"{raw} ({descr}) {problem}");
    }
}
