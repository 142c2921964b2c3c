using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace GoKart.Formats.Numpy;

/// <summary><c>double?</c>, <c>float?</c>, <c>Half?</c> as their float dtype with NaN for null (pandas' convention, so NaN reads as null).</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzNullableFloatColumn<T> : NpzColumn
    where T : struct, IFloatingPointIeee754<T>
{
    private readonly string _descr = NpyDType.DescrOf(typeof(T));

    public override string Accepts => _descr;

    public override async ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var source = (T?[])values;
        var stored = new T[source.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = source[i] ?? T.NaN;
        }

        await NpyArrays.WriteAsync(stream, stored, [stored.LongLength], _descr, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        if (NpyDType.TypeOf(header.Descr) != typeof(T))
        {
            throw site.Mismatch(header.Descr, Accepts);
        }

        var stored = (T[])await NpyArrays.ReadBodyAsync(stream, header, typeof(T[]), site.Location, cancellationToken).ConfigureAwait(false);
        var values = new T?[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            values[i] = T.IsNaN(stored[i]) ? null : stored[i];
        }

        return values;
    }
}

/// <summary>
/// Nullable integers as float64 with NaN for null, as pandas upcasts an integer column with missing values.
/// Integers beyond ±2^53 are refused on write (float64 would round them); reading takes float64/float32
/// (whole numbers in range) or any integer dtype (in range), as pandas leaves a column without missing values.
/// </summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzNullableIntegerColumn<T> : NpzColumn
    where T : struct, IBinaryInteger<T>
{
    private static readonly T Largest = T.CreateSaturating(1L << 53);
    private static readonly T Smallest = T.CreateSaturating(-(1L << 53));

    public override string Accepts => "<f8, <f4 or an integer dtype";

    public override async ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var source = (T?[])values;
        var stored = new double[source.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            if (source[i] is not { } value)
            {
                stored[i] = double.NaN;
                continue;
            }

            if (value > Largest || value < Smallest)
            {
                throw site.AtRow(i, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{value} is beyond ±2^53, so the float64 column that holds {site.TypeName} (NaN for null) would round it; use a non-nullable {typeof(T).Name} property, or a string"));
            }

            stored[i] = double.CreateTruncating(value);
        }

        await NpyArrays.WriteAsync(stream, stored, [stored.LongLength], "<f8", cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var element = NpyDType.TypeOf(header.Descr);
        if (element is null || element == typeof(bool) || element == typeof(Half) || element == typeof(Complex))
        {
            throw site.Mismatch(header.Descr, Accepts);
        }

        var stored = await NpyArrays.ReadBodyAsync(stream, header, element.MakeArrayType(), site.Location, cancellationToken).ConfigureAwait(false);
        // By element type, not array pattern: the runtime lets a byte[] pass as sbyte[] (and ulong[] as long[]).
        return element == typeof(double) ? Convert((double[])stored, site)
            : element == typeof(float) ? Convert((float[])stored, site)
            : element == typeof(long) ? Convert((long[])stored, site)
            : element == typeof(int) ? Convert((int[])stored, site)
            : element == typeof(short) ? Convert((short[])stored, site)
            : element == typeof(sbyte) ? Convert((sbyte[])stored, site)
            : element == typeof(ulong) ? Convert((ulong[])stored, site)
            : element == typeof(uint) ? Convert((uint[])stored, site)
            : element == typeof(ushort) ? Convert((ushort[])stored, site)
            : Convert((byte[])stored, site);
    }

    private static T?[] Convert<TFile>(TFile[] stored, NpzColumnSite site)
        where TFile : INumberBase<TFile>
    {
        var values = new T?[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            var x = stored[i];
            if (TFile.IsNaN(x))
            {
                continue;
            }

            if (!TFile.IsInteger(x))
            {
                throw site.AtRow(i, string.Create(CultureInfo.InvariantCulture, $"{x} is not a whole number, so it cannot be {site.TypeName}"));
            }

            try
            {
                values[i] = T.CreateChecked(x);
            }
            catch (OverflowException)
            {
                throw site.AtRow(i, string.Create(CultureInfo.InvariantCulture, $"{x} is outside the range of {site.TypeName}"));
            }
        }

        return values;
    }
}

/// <summary><c>bool?</c> as float64 1.0/0.0 with NaN for null (pandas' upcast); reads that, or a bool array.</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzNullableBooleanColumn : NpzColumn
{
    public override string Accepts => "<f8 (1.0, 0.0, NaN) or |b1";

    public override async ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var source = (bool?[])values;
        var stored = new double[source.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            stored[i] = source[i] is { } value ? (value ? 1 : 0) : double.NaN;
        }

        await NpyArrays.WriteAsync(stream, stored, [stored.LongLength], "<f8", cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        var element = NpyDType.TypeOf(header.Descr);
        if (element == typeof(bool))
        {
            var flags = (bool[])await NpyArrays.ReadBodyAsync(stream, header, typeof(bool[]), site.Location, cancellationToken).ConfigureAwait(false);
            return Array.ConvertAll(flags, b => (bool?)b);
        }

        if (element != typeof(double))
        {
            throw site.Mismatch(header.Descr, Accepts);
        }

        var stored = (double[])await NpyArrays.ReadBodyAsync(stream, header, typeof(double[]), site.Location, cancellationToken).ConfigureAwait(false);
        var values = new bool?[stored.Length];
        for (var i = 0; i < stored.Length; i++)
        {
            var x = stored[i];
            values[i] = double.IsNaN(x) ? null
                : x == 1 ? true
                : x == 0 ? false
                : throw site.AtRow(i, string.Create(CultureInfo.InvariantCulture, $"{x} is not 1, 0 or NaN, so it cannot be {site.TypeName}"));
        }

        return values;
    }
}
