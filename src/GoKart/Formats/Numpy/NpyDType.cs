using System.Numerics;
using System.Runtime.CompilerServices;

namespace GoKart.Formats.Numpy;

/// <summary>numpy dtype strings (<c>&lt;f8</c>) of the element types GoKart.NET stores.</summary>
internal static class NpyDType
{
    private const string ComplexDescr = "<c16";

    // Complex is kept apart (ComplexType): naming it loads System.Runtime.Numerics, half a millisecond of a first load
    // that holds no complex numbers.
    private static readonly (Type Type, string Descr)[] Known =
    [
        (typeof(bool), "|b1"), (typeof(sbyte), "|i1"), (typeof(byte), "|u1"),
        (typeof(short), "<i2"), (typeof(ushort), "<u2"), (typeof(int), "<i4"), (typeof(uint), "<u4"),
        (typeof(long), "<i8"), (typeof(ulong), "<u8"), (typeof(Half), "<f2"), (typeof(float), "<f4"),
        (typeof(double), "<f8"),
    ];

    // Plain loops, not LINQ: Enumerable over a value tuple is not precompiled and costs a first load five JIT compilations.
    public static bool IsSupported(Type elementType) => IndexOf(elementType) >= 0 || IsComplex(elementType);

    /// <summary>Whether <paramref name="type"/> is <see cref="Complex"/>, without loading its assembly for the primitive types.</summary>
    public static bool IsComplex(Type type) => !type.IsPrimitive && type != typeof(Half) && type == ComplexType();

    public static string DescrOf(Type elementType) =>
        IndexOf(elementType) is var i and >= 0 ? Known[i].Descr
        : IsComplex(elementType) ? ComplexDescr
        : throw new NotSupportedException($"{elementType.Name} is not a numpy element type.");

    /// <summary>The .NET element type of a descr; '=' and '|' byte orders are read as little-endian, '&gt;' is refused.</summary>
    public static Type? TypeOf(string descr)
    {
        if (descr.Length < 2)
        {
            return null;
        }

        if (descr[0] is not ('<' or '|' or '='))
        {
            return null;
        }

        var body = descr.AsSpan(1);
        foreach (var (type, known) in Known)
        {
            if (body.SequenceEqual(known.AsSpan(1)))
            {
                return type;
            }
        }

        return body.SequenceEqual(ComplexDescr.AsSpan(1)) ? ComplexType() : null;
    }

    private static int IndexOf(Type elementType)
    {
        for (var i = 0; i < Known.Length; i++)
        {
            if (Known[i].Type == elementType)
            {
                return i;
            }
        }

        return -1;
    }

    public static int SizeOf(Type elementType) =>
        elementType == typeof(bool) ? 1 : elementType == typeof(double) || elementType == typeof(long) || elementType == typeof(ulong) ? 8
        : IsComplex(elementType) ? 16 : DynamicCode.IsSupported ? System.Runtime.InteropServices.Marshal.SizeOf(elementType)
        : throw DynamicCode.NotSupported($"An array of {elementType.Name}");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Type ComplexType() => typeof(Complex);
}
