using System.Numerics;

namespace GoKart.Formats.Numpy;

/// <summary>numpy dtype strings (<c>&lt;f8</c>) of the element types GoKart.NET stores.</summary>
internal static class NpyDType
{
    private static readonly (Type Type, string Descr)[] Known =
    [
        (typeof(bool), "|b1"), (typeof(sbyte), "|i1"), (typeof(byte), "|u1"),
        (typeof(short), "<i2"), (typeof(ushort), "<u2"), (typeof(int), "<i4"), (typeof(uint), "<u4"),
        (typeof(long), "<i8"), (typeof(ulong), "<u8"), (typeof(Half), "<f2"), (typeof(float), "<f4"),
        (typeof(double), "<f8"), (typeof(Complex), "<c16"),
    ];

    public static bool IsSupported(Type elementType) => Known.Any(k => k.Type == elementType);

    public static string DescrOf(Type elementType) =>
        Known.FirstOrDefault(k => k.Type == elementType).Descr
        ?? throw new NotSupportedException($"{elementType.Name} is not a numpy element type.");

    /// <summary>The .NET element type of a descr; '=' and '|' byte orders are read as little-endian, '&gt;' is refused.</summary>
    public static Type? TypeOf(string descr)
    {
        if (descr.Length < 2)
        {
            return null;
        }

        var body = descr[1..];
        return descr[0] is '<' or '|' or '=' ? Known.FirstOrDefault(k => k.Descr[1..] == body).Type : null;
    }

    public static int SizeOf(Type elementType) =>
        elementType == typeof(bool) ? 1 : elementType == typeof(Complex) ? 16 : DynamicCode.IsSupported ? System.Runtime.InteropServices.Marshal.SizeOf(elementType)
        : throw DynamicCode.NotSupported($"An array of {elementType.Name}");
}
