using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;

namespace GoKart.Formats.Numpy;

/// <summary>A number or bool column: the property type's array is the numpy array, written and read without conversion.</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzPlainColumn : NpzColumn
{
    private readonly Type _element;
    private readonly Type _arrayType;
    private readonly string _descr;

    public NpzPlainColumn(Type element)
    {
        _element = element;
        _arrayType = element.MakeArrayType();
        _descr = NpyDType.DescrOf(element);
    }

    public override string Accepts => _descr;

    public override ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken) =>
        NpyArrays.WriteAsync(stream, values, [values.LongLength], _descr, cancellationToken);

    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken)
    {
        if (NpyDType.TypeOf(header.Descr) != _element)
        {
            throw site.Mismatch(header.Descr, Accepts);
        }

        return (Array)await NpyArrays.ReadBodyAsync(stream, header, _arrayType, site.Location, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A string column as <c>&lt;U n</c>; null is written as the empty string (numpy has no null string).</summary>
[RequiresUnreferencedCode("Table and array code made over the record and element types at run time.")]
[RequiresDynamicCode("Table and array code made over the record and element types at run time.")]
internal sealed class NpzStringColumn : NpzColumn
{
    public override string Accepts => "unicode strings (<U n)";

    public override ValueTask WriteAsync(Stream stream, Array values, NpzColumnSite site, CancellationToken cancellationToken) =>
        NpyStrings.WriteAsync(stream, (string?[])values, cancellationToken);

    public override async ValueTask<Array> ReadAsync(Stream stream, NpyHeader header, NpzColumnSite site, CancellationToken cancellationToken) =>
        await ReadStringsAsync(stream, header, site, Accepts, cancellationToken).ConfigureAwait(false);

    public static async ValueTask<string[]> ReadStringsAsync(Stream stream, NpyHeader header, NpzColumnSite site, string accepts, CancellationToken cancellationToken)
    {
        if (!header.Descr.StartsWith("<U", StringComparison.Ordinal))
        {
            throw site.Mismatch(header.Descr, accepts);
        }

        return await NpyStrings.ReadAsync(stream, header, site.Location, cancellationToken).ConfigureAwait(false);
    }
}
