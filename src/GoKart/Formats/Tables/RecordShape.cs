using System.ComponentModel.DataAnnotations.Schema;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace GoKart.Formats.Tables;

/// <summary>
/// The columns of a record type and a compiled builder that makes a record from a row's slots. Made once per
/// type (<see cref="For"/>): every row afterwards runs compiled delegates, never reflection.
/// </summary>
/// <remarks>
/// Columns are the public instance properties that can be set (setter, <c>init</c>, or a constructor parameter of
/// the same name); <see cref="ColumnAttribute"/> (or System.Text.Json's JsonPropertyName) renames one. Non-nullable properties are required columns.
/// </remarks>
[RequiresUnreferencedCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
[RequiresDynamicCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
internal sealed class RecordShape<TRecord>
{
    private static readonly (RecordShape<TRecord>? Shape, string? Problem) Cached = Create();
    private readonly Lazy<Func<ColumnSlot[], TRecord>> _build;

    private RecordShape(IReadOnlyList<TableColumn<TRecord>> columns, Lazy<Func<ColumnSlot[], TRecord>> build, ColumnarAccess<TRecord> columnar)
    {
        Columns = columns;
        _build = build;
        Columnar = columnar;
    }

    /// <summary>Compiled row-to-arrays and arrays-to-row code for columnar formats (.npz), each made on first use.</summary>
    public ColumnarAccess<TRecord> Columnar { get; }

    public IReadOnlyList<TableColumn<TRecord>> Columns { get; }

    /// <summary>The shape of <typeparamref name="TRecord"/>, or an error saying why it is not a table record.</summary>
    public static RecordShape<TRecord> For(string location) =>
        Cached.Shape ?? throw new NotSupportedException($"{location}: {typeof(TRecord).Name} cannot be a table record: {Cached.Problem}");

    public static string? Problem => Cached.Problem;

    public ColumnSlot[] CreateSlots() => [.. Columns.Select(c => c.CreateSlot())];

    public TRecord Build(ColumnSlot[] slots) => _build.Value(slots);

    public TableColumn<TRecord>? Find(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    private static (RecordShape<TRecord>?, string?) Create()
    {
        var type = typeof(TRecord);
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsAbstract || type.IsInterface || type.IsArray)
        {
            return (null, "it is not a class or struct with properties.");
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            .ToList();
        var constructor = ChooseConstructor(type, properties);
        if (constructor is null && !type.IsValueType)
        {
            return (null, "it has no public parameterless constructor and no public constructor whose parameters all match properties.");
        }

        var parameters = constructor?.GetParameters() ?? [];
        var renames = Renames(type);
        var factories = new Dictionary<Type, Func<string, int, bool, PropertyInfo, object, TableColumn<TRecord>>>();
        var nullability = new NullabilityInfoContext();
        var columns = new List<TableColumn<TRecord>>();
        var bound = new List<PropertyInfo>();
        foreach (var property in properties)
        {
            var isParameter = parameters.Any(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (!isParameter && property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var codec = ValueCodecs.TryCreate(property.PropertyType);
            if (codec is null)
            {
                return (null, $"property {property.Name} has type {property.PropertyType.Name}, which a table column cannot hold.");
            }

            var allowsNull = Nullable.GetUnderlyingType(property.PropertyType) is not null
                || (!property.PropertyType.IsValueType && nullability.Create(property).ReadState != NullabilityState.NotNull);
            var name = (renames.Column ? ColumnName(property) : null)
                ?? (renames.Json ? JsonName(property) : null)
                ?? property.Name;
            if (!factories.TryGetValue(property.PropertyType, out var create))
            {
                create = typeof(TableColumn<,>).MakeGenericType(typeof(TRecord), property.PropertyType)
                    .GetMethod(nameof(TableColumn<TRecord, int>.Create))!
                    .CreateDelegate<Func<string, int, bool, PropertyInfo, object, TableColumn<TRecord>>>();
                factories.Add(property.PropertyType, create);
            }

            columns.Add(create(name, columns.Count, allowsNull, property, codec));
            bound.Add(property);
        }

        if (columns.Count == 0)
        {
            return (null, "it has no public settable properties.");
        }

        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return (null, $"two properties map to column '{duplicate.Key}'.");
        }

        // Compiled on first use: a format uses one of these, and compiling code is most of a first load's cost.
        return (new RecordShape<TRecord>(columns, new(() => CompileBuilder(constructor, parameters, bound)), new ColumnarAccess<TRecord>(constructor, parameters, bound)), null);
    }

    /// <summary>
    /// Whether any property of <paramref name="type"/> can carry [Column] or [JsonPropertyName]: only if an assembly
    /// declaring it or a base class references theirs. Asking for an attribute type loads its assembly, and a first load
    /// of records would otherwise load System.ComponentModel.Annotations and System.Text.Json for classes that use
    /// neither (issue 18); the referenced names are read from metadata without loading anything.
    /// </summary>
    private static (bool Column, bool Json) Renames(Type type)
    {
        bool column = false, json = false;
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var reference in t.Assembly.GetReferencedAssemblies())
            {
                // netstandard forwards to both; a library built against it may use either.
                var name = reference.Name;
                var facade = name is "netstandard";
                column |= facade || name is "System.ComponentModel.Annotations" or "System.ComponentModel.DataAnnotations";
                json |= facade || name is "System.Text.Json";
            }
        }

        return (column, json);
    }

    // Apart (these two), so that the attributes' assemblies are loaded only when a record's assembly references them.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? ColumnName(PropertyInfo property) => property.GetCustomAttribute<ColumnAttribute>()?.Name;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string? JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name;

    // The parameterless constructor, else the one with the most parameters that all match properties (the first such
    // on a tie). Loops, not LINQ: MaxBy over (ConstructorInfo, int) is not precompiled and was JIT-compiled in every
    // fresh process that loaded a table (issue 18).
    private static ConstructorInfo? ChooseConstructor(Type type, List<PropertyInfo> properties)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        ConstructorInfo? best = null;
        var bestCount = -1;
        foreach (var constructor in constructors)
        {
            var parameters = constructor.GetParameters();
            if (parameters.Length == 0)
            {
                return constructor;
            }

            if (parameters.Length > bestCount && AllMatch(parameters, properties))
            {
                best = constructor;
                bestCount = parameters.Length;
            }
        }

        return best;
    }

    private static bool AllMatch(ParameterInfo[] parameters, List<PropertyInfo> properties)
    {
        foreach (var parameter in parameters)
        {
            if (!properties.Exists(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) && p.PropertyType == parameter.ParameterType))
            {
                return false;
            }
        }

        return true;
    }

    private static Func<ColumnSlot[], TRecord> CompileBuilder(ConstructorInfo? constructor, ParameterInfo[] parameters, List<PropertyInfo> bound)
    {
        var slots = Expression.Parameter(typeof(ColumnSlot[]), "slots");
        var record = Expression.Variable(typeof(TRecord), "record");
        Expression Slot(int i) => Expression.Convert(Expression.ArrayIndex(slots, Expression.Constant(i)), typeof(ColumnSlot<>).MakeGenericType(bound[i].PropertyType));
        Expression Value(int i) => Expression.Field(Slot(i), "Value");
        Expression Present(int i) => Expression.Property(Expression.ArrayIndex(slots, Expression.Constant(i)), nameof(ColumnSlot.Present));

        var body = new List<Expression>();
        var viaConstructor = new HashSet<int>();
        if (constructor is null)
        {
            body.Add(Expression.Assign(record, Expression.Default(typeof(TRecord))));
        }
        else
        {
            var arguments = parameters.Select(p =>
            {
                var i = bound.FindIndex(b => string.Equals(b.Name, p.Name, StringComparison.OrdinalIgnoreCase));
                viaConstructor.Add(i);
                var fallback = p.HasDefaultValue ? Expression.Constant(p.DefaultValue, p.ParameterType) : (Expression)Expression.Default(p.ParameterType);
                return (Expression)Expression.Condition(Present(i), Value(i), fallback);
            });
            body.Add(Expression.Assign(record, Expression.New(constructor, arguments)));
        }

        for (var i = 0; i < bound.Count; i++)
        {
            if (!viaConstructor.Contains(i) && bound[i].SetMethod is { IsPublic: true })
            {
                body.Add(Expression.IfThen(Present(i), Expression.Assign(Expression.Property(record, bound[i]), Value(i))));
            }
        }

        body.Add(record);
        return Expression.Lambda<Func<ColumnSlot[], TRecord>>(Expression.Block([record], body), slots).Compile();
    }
}
