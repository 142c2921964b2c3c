using GoKart.Execution.Async;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using GoKart.Formats.Numpy;
using GoKart.Formats.Tables;

namespace GoKart.Formats;

/// <summary>
/// <c>.npz</c>: numpy's zip of named <c>.npy</c> arrays, stored (<c>np.savez</c>) or deflated
/// (<c>np.savez_compressed</c>, with <see cref="TableFormatOptions.Compressed"/>). Values: a dictionary from name to
/// array (<c>IReadOnlyDictionary&lt;string, double[]&gt;</c>, <c>Dictionary&lt;string, Array&gt;</c>, ...), or a typed
/// table (<c>IReadOnlyList&lt;TRecord&gt;</c>) stored as one 1-D array per column as pandas stores it: numbers and bool as
/// they are, strings as <c>&lt;U n</c>, dates and times as datetime64/timedelta64 (NaT for null), nullable numbers as
/// floats with NaN for null, enums, Guid and decimal as their text.
/// </summary>
/// <example>
/// <code>
/// // Python: df = pd.DataFrame(dict(np.load("features_&lt;id&gt;.npz")))
/// protected override Target Output() =&gt; MakeTarget("data/features.npz");
/// </code>
/// </example>
public sealed class NpzFormat : IFormat
{
    private static readonly Type[] DictionaryTypes = [typeof(IReadOnlyDictionary<,>), typeof(IDictionary<,>), typeof(Dictionary<,>)];

    /// <inheritdoc />
    public string Name => "npz";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".npz"];

    /// <inheritdoc />
    public bool Supports(Type type) =>
        !DynamicCode.IsSupported ? throw DynamicCode.NotSupported("The npz format")
        : ArrayTypeOf(type) is not null
        || (TableTypes.TryGetRecordType(type, out var record)
            && (bool)typeof(NpzTableCodec<>).MakeGenericType(record).GetMethod(nameof(NpzTableCodec<object>.Supports))!.Invoke(null, null)!);

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The npz format");
        }

        if (ArrayTypeOf(type) is null)
        {
            await TableCodecs.For(typeof(NpzTableCodec<>), type, null, context.Location).WriteAsync(stream, value, context, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (value is not System.Collections.IEnumerable entries)
        {
            throw new InvalidDataException($"{context.Location}: cannot write {value?.GetType().Name ?? "null"} as .npz.");
        }

        var compressed = TableFormatOptions.From(context).Compressed;
        var archive = await NpzArchive.CreateAsync(stream, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            // Checked again after the await: the AOT compiler drops guarded code only where no await resumes past the guard.
            foreach (var (name, array) in DynamicCode.IsSupported ? Pairs(entries) : throw DynamicCode.NotSupported("The npz format"))
            {
                var entry = await NpzArchive.CreateEntryAsync(archive, name, compressed, cancellationToken).ConfigureAwait(false);
                await using (entry.ConfigureAwait(false))
                {
                    await NpyArrays.WriteAsync(entry, array, $"{context.Location} [{name}]", cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <inheritdoc />
    [AsyncMethodBuilder(typeof(LeanValueTaskBuilder<>))]
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!DynamicCode.IsSupported)
        {
            throw DynamicCode.NotSupported("The npz format");
        }

        var arrayType = ArrayTypeOf(type);
        if (arrayType is null)
        {
            return await TableCodecs.For(typeof(NpzTableCodec<>), type, null, context.Location).ReadAsync(stream, type, context, cancellationToken).ConfigureAwait(false);
        }

        var archive = await NpzArchive.OpenAsync(stream, context.Location, cancellationToken).ConfigureAwait(false);
        using (archive)
        {
            // Checked again after the await: the AOT compiler drops guarded code only where no await resumes past the guard.
            var result = DynamicCode.IsSupported ? NewResult(arrayType) : throw DynamicCode.NotSupported("The npz format");
            foreach (var (name, entry) in NpzArchive.Entries(archive, context.Location))
            {
                result[name] = await NpzArchive.ReadEntryAsync(archive, entry, context.Location, (s, where) => NpyArrays.ReadAsync(s, arrayType, where, cancellationToken), cancellationToken).ConfigureAwait(false);
            }

            return result;
        }
    }

    /// <summary>
    /// The dictionary a read fills: made directly for the usual array types, since making it by reflection was most of
    /// a millisecond of a first load; by reflection for the rest.
    /// </summary>
    [RequiresDynamicCode("Makes Dictionary<string, T> over the array type at run time.")]
    private static System.Collections.IDictionary NewResult(Type arrayType) =>
        arrayType == typeof(double[]) ? new Dictionary<string, double[]>(StringComparer.Ordinal)
        : arrayType == typeof(float[]) ? new Dictionary<string, float[]>(StringComparer.Ordinal)
        : arrayType == typeof(long[]) ? new Dictionary<string, long[]>(StringComparer.Ordinal)
        : arrayType == typeof(int[]) ? new Dictionary<string, int[]>(StringComparer.Ordinal)
        : arrayType == typeof(Array) ? new Dictionary<string, Array>(StringComparer.Ordinal)
        : (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), arrayType), StringComparer.Ordinal)!;

    /// <summary>The array type of a dictionary-of-arrays type, else null.</summary>
    private static Type? ArrayTypeOf(Type type)
    {
        if (!type.IsGenericType || !DictionaryTypes.Contains(type.GetGenericTypeDefinition()))
        {
            return null;
        }

        var arguments = type.GetGenericArguments();
        return arguments[0] == typeof(string) && NpyArrays.Supports(arguments[1]) ? arguments[1] : null;
    }

    [RequiresUnreferencedCode("Reads Key and Value of each entry by reflection.")]
    private static IEnumerable<(string Name, object? Array)> Pairs(System.Collections.IEnumerable entries)
    {
        foreach (var entry in entries)
        {
            var type = entry!.GetType();
            yield return ((string)type.GetProperty("Key")!.GetValue(entry)!, type.GetProperty("Value")!.GetValue(entry));
        }
    }
}
