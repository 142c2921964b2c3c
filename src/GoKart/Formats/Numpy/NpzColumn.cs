using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using GoKart.Formats.Tables;

namespace GoKart.Formats.Numpy;

/// <summary>
/// How one record property is stored as a 1-D array of an .npz table, as pandas would store the column. Numbers
/// and bool are written as they are (the fast path); other types are converted to and from a numpy array.
/// </summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal abstract class NpzColumn
{
    /// <summary>The dtypes the column reads, for errors (<c>&lt;f8</c>).</summary>
    public abstract string Accepts { get; }

    /// <summary>Writes the values (the property type's array, <c>TValue[]</c>) as one .npy.</summary>
    public abstract ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken);

    /// <summary>Reads the body after <paramref name="header"/> (1-D) into the property type's array.</summary>
    public abstract ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken);

    /// <summary>The storage of a property type, or null when .npz tables cannot hold it.</summary>
    public static NpzColumn? For(Type type)
    {
        if (type == typeof(string))
        {
            return new NpzStringColumn();
        }

        if (!NpyDType.IsComplex(type) && NpyDType.IsSupported(type))
        {
            return new NpzPlainColumn(type);
        }

        var underlying = Nullable.GetUnderlyingType(type);
        var core = underlying ?? type;
        if (NpyTimeMappings.For(core) is { } time)
        {
            return Make(typeof(NpzTimeColumn<>), core, time, underlying is not null);
        }

        if (underlying is not null && !NpyDType.IsComplex(underlying) && NpyDType.IsSupported(underlying))
        {
            return underlying == typeof(bool) ? new NpzNullableBooleanColumn()
                : underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(Half) ? Make(typeof(NpzNullableFloatColumn<>), underlying)
                : Make(typeof(NpzNullableIntegerColumn<>), underlying);
        }

        // Enums, Guid, decimal, BigInteger, char: numpy has no such dtype, so the text CSV writes, as <U n.
        return ValueCodecs.TryCreate(type) is not null ? Make(typeof(NpzTextColumn<>), type) : null;
    }

    private static NpzColumn Make(Type definition, Type argument, params object[] arguments) =>
        (NpzColumn)Activator.CreateInstance(definition.MakeGenericType(argument), arguments)!;
}
