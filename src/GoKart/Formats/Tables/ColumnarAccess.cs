using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;
using System.Reflection;

namespace GoKart.Formats.Tables;

/// <summary>
/// Compiled, per record type: copy one record into element i of every column array, and build a record from
/// element i of every column array (a null array is an absent column). One delegate call per row, no boxing.
/// </summary>
[RequiresUnreferencedCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
[RequiresDynamicCode("Reads the record type's properties and constructors and makes generic code over them at run time.")]
internal sealed class ColumnarAccess<TRecord>
{
    private readonly Lazy<Action<TRecord, Array[], int>> _store;
    private readonly Lazy<Func<Array?[], int, TRecord>> _build;

    public ColumnarAccess(ConstructorInfo? constructor, ParameterInfo[] parameters, List<PropertyInfo> bound)
    {
        // Each compiled on first use: a dump needs only Store, a load only Build.
        _store = new(() => CompileStore(bound));
        _build = new(() => CompileBuild(constructor, parameters, bound));
    }

    public Action<TRecord, Array[], int> Store => _store.Value;

    public Func<Array?[], int, TRecord> Build => _build.Value;

    private static Action<TRecord, Array[], int> CompileStore(List<PropertyInfo> bound)
    {
        var record = Expression.Parameter(typeof(TRecord), "record");
        var arrays = Expression.Parameter(typeof(Array[]), "arrays");
        var index = Expression.Parameter(typeof(int), "i");
        var stores = bound.Select((p, j) => (Expression)Expression.Assign(
            Expression.ArrayAccess(Expression.Convert(Expression.ArrayIndex(arrays, Expression.Constant(j)), p.PropertyType.MakeArrayType()), index),
            Expression.Property(record, p)));
        return Expression.Lambda<Action<TRecord, Array[], int>>(Expression.Block(stores), record, arrays, index).Compile();
    }

    private static Func<Array?[], int, TRecord> CompileBuild(ConstructorInfo? constructor, ParameterInfo[] parameters, List<PropertyInfo> bound)
    {
        var index = Expression.Parameter(typeof(int), "i");
        var sources = Expression.Parameter(typeof(Array?[]), "arrays");
        var result = Expression.Variable(typeof(TRecord), "result");
        Expression Has(int j) => Expression.NotEqual(Expression.ArrayIndex(sources, Expression.Constant(j)), Expression.Constant(null, typeof(Array)));
        Expression Value(int j) => Expression.ArrayIndex(Expression.Convert(Expression.ArrayIndex(sources, Expression.Constant(j)), bound[j].PropertyType.MakeArrayType()), index);
        var body = new List<Expression>();
        var viaConstructor = new HashSet<int>();
        if (constructor is null)
        {
            body.Add(Expression.Assign(result, Expression.Default(typeof(TRecord))));
        }
        else
        {
            body.Add(Expression.Assign(result, Expression.New(constructor, parameters.Select(p =>
            {
                var j = bound.FindIndex(b => string.Equals(b.Name, p.Name, StringComparison.OrdinalIgnoreCase));
                viaConstructor.Add(j);
                var fallback = p.HasDefaultValue ? Expression.Constant(p.DefaultValue, p.ParameterType) : (Expression)Expression.Default(p.ParameterType);
                return (Expression)Expression.Condition(Has(j), Value(j), fallback);
            }))));
        }

        for (var j = 0; j < bound.Count; j++)
        {
            if (!viaConstructor.Contains(j) && bound[j].SetMethod is { IsPublic: true })
            {
                body.Add(Expression.IfThen(Has(j), Expression.Assign(Expression.Property(result, bound[j]), Value(j))));
            }
        }

        body.Add(result);
        return Expression.Lambda<Func<Array?[], int, TRecord>>(Expression.Block([result], body), sources, index).Compile();
    }
}
