using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace GoKart.Formats.Tables;

/// <summary>Recognises table types (<c>IReadOnlyList&lt;TRecord&gt;</c>, <c>List&lt;TRecord&gt;</c>, <c>TRecord[]</c>, ...).</summary>
internal static class TableTypes
{
    private static readonly Type[] ListInterfaces =
        [typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IEnumerable<>), typeof(IList<>), typeof(ICollection<>), typeof(List<>)];

    /// <summary>The record type of a table type whose records have a valid shape.</summary>
    [RequiresUnreferencedCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    [RequiresDynamicCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    public static bool TryGetRecordType(Type type, out Type recordType)
    {
        recordType = null!;
        Type? candidate = null;
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            candidate = type.GetElementType();
        }
        else if (type.IsGenericType && ListInterfaces.Contains(type.GetGenericTypeDefinition()))
        {
            candidate = type.GetGenericArguments()[0];
        }

        if (candidate is null || ProblemOf(candidate) is not null)
        {
            return false;
        }

        recordType = candidate;
        return true;
    }

    /// <summary>Why a type cannot be a record (null when it can).</summary>
    [RequiresUnreferencedCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    [RequiresDynamicCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    public static string? ProblemOf(Type recordType) =>
        (string?)typeof(RecordShape<>).MakeGenericType(recordType)
            .GetProperty(nameof(RecordShape<object>.Problem), BindingFlags.Public | BindingFlags.Static)!.GetValue(null);

    /// <summary>Returns the rows as the requested table type (a list, or an array for <c>TRecord[]</c>).</summary>
    public static object Materialize<TRecord>(List<TRecord> rows, Type requested) =>
        requested.IsArray ? rows.ToArray() : rows;

    /// <summary>The rows of a table value, or an error naming the location.</summary>
    public static IEnumerable<TRecord> Rows<TRecord>(object? value, string location) =>
        value as IEnumerable<TRecord> ?? throw new InvalidDataException($"{location}: expected a table of {typeof(TRecord).Name}, got {value?.GetType().Name ?? "null"}.");
}
