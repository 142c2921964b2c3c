using System.Diagnostics.CodeAnalysis;

namespace GoKart.Formats.Tables;

/// <summary>A table format's code for one record type, made through <see cref="TableCodecs"/>.</summary>
internal interface ITableCodec
{
    ValueTask WriteAsync(Stream stream, object? value, FormatContext context, CancellationToken cancellationToken);

    ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken);
}

/// <summary>Makes the generic codec of a table format for a table type's record type.</summary>
internal static class TableCodecs
{
    [RequiresUnreferencedCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    [RequiresDynamicCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
    public static ITableCodec For(Type codecDefinition, Type tableType, object? argument, string location)
    {
        if (!TableTypes.TryGetRecordType(tableType, out var recordType))
        {
            throw new NotSupportedException($"{location}: {tableType.Name} is not a table of records (IReadOnlyList<TRecord> of a class or struct with settable properties).");
        }

        return (ITableCodec)Activator.CreateInstance(codecDefinition.MakeGenericType(recordType), argument)!;
    }
}
