using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace GoKart.Formats.Tables;

/// <summary>One column of a record type: its name, its typed getter and codec. Built once per record type.</summary>
internal abstract class TableColumn<TRecord>
{
    // The encoded name boxed, made on first use: encoding it loads System.Text.Json's encoder, which a CSV or .npz
    // load never needs (the first record column of a fresh process took several milliseconds for it).
    private object? _jsonName;

    protected TableColumn(string name, int index, bool allowsNull)
    {
        Name = name;
        Index = index;
        AllowsNull = allowsNull;
        Utf8Name = Encoding.UTF8.GetBytes(name);
    }

    public string Name { get; }

    public int Index { get; }

    public byte[] Utf8Name { get; }

    public JsonEncodedText JsonName => (JsonEncodedText)(_jsonName ??= JsonEncodedText.Encode(Name));

    /// <summary>Null allowed (Nullable&lt;T&gt; or a reference annotated <c>?</c>): the column may be absent.</summary>
    public bool AllowsNull { get; }

    public bool Required => !AllowsNull;

    public abstract Type ValueType { get; }

    public abstract string TypeName { get; }

    public abstract bool MayNeedQuotes { get; }

    /// <summary>Formats the record's value; <paramref name="isNull"/> when it is missing (written as an empty cell).</summary>
    public abstract bool TryFormat(TRecord record, Span<byte> destination, out int written, out bool isNull);

    public abstract void WriteJson(Utf8JsonWriter writer, TRecord record);

    public abstract ColumnSlot CreateSlot();
}

/// <inheritdoc />
internal sealed class TableColumn<TRecord, TValue> : TableColumn<TRecord>
{
    private readonly PropertyInfo _property;
    private Func<TRecord, TValue>? _getter;

    public TableColumn(string name, int index, bool allowsNull, PropertyInfo property, ValueCodec<TValue> codec)
        : base(name, index, allowsNull)
    {
        _property = property;
        Codec = codec;
    }

    /// <summary>
    /// A column, for RecordShape: bound once per value type as a delegate, since ten reflected constructor calls made
    /// the runtime emit and fully optimise an invoke stub in every fresh process that loaded records (issue 18).
    /// </summary>
    public static TableColumn<TRecord> Create(string name, int index, bool allowsNull, PropertyInfo property, object codec) =>
        new TableColumn<TRecord, TValue>(name, index, allowsNull, property, (ValueCodec<TValue>)codec);

    /// <summary>Made on first use: a load never needs it, and making ten of them was most of a first load's JIT work.</summary>
    public Func<TRecord, TValue> Getter => _getter ??= MakeGetter(_property);

    public ValueCodec<TValue> Codec { get; }

    public override Type ValueType => typeof(TValue);

    public override string TypeName => AllowsNull && !typeof(TValue).IsValueType ? Codec.TypeName + "?" : Codec.TypeName;

    public override bool MayNeedQuotes => Codec.MayNeedQuotes;

    public override bool TryFormat(TRecord record, Span<byte> destination, out int written, out bool isNull)
    {
        var value = Getter(record);
        if (Codec.IsNull(value))
        {
            isNull = true;
            written = 0;
            return true;
        }

        isNull = false;
        return Codec.TryFormat(value, destination, out written);
    }

    public override void WriteJson(Utf8JsonWriter writer, TRecord record)
    {
        var value = Getter(record);
        writer.WritePropertyName(JsonName);
        if (Codec.IsNull(value))
        {
            writer.WriteNullValue();
        }
        else
        {
            Codec.WriteJson(writer, value);
        }
    }

    public override ColumnSlot CreateSlot() => new ColumnSlot<TValue>(Codec, AllowsNull);

    private static Func<TRecord, TValue> MakeGetter(PropertyInfo property)
    {
        // A class's getter is bound directly (no code emitted); a struct's needs a by-value wrapper.
        if (!typeof(TRecord).IsValueType)
        {
            return property.GetMethod!.CreateDelegate<Func<TRecord, TValue>>();
        }

        var record = Expression.Parameter(typeof(TRecord), "record");
        return Expression.Lambda<Func<TRecord, TValue>>(Expression.Property(record, property), record).Compile();
    }
}
