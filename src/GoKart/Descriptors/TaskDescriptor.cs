using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using GoKart.Generated;

namespace GoKart.Descriptors;

/// <summary>
/// Everything the engine, hasher and command line need to know about a task type, read once: from the shape the source
/// generator recorded at compile time when there is one (<see cref="TaskShapes"/>), else by reflection.
/// </summary>
internal sealed class TaskDescriptor
{
    // A memo of a pure function of the type: entries are immutable and never removed. A Dictionary under a lock, not a
    // ConcurrentDictionary: a load would otherwise bring System.Collections.Concurrent into a fresh process for this alone
    // (issue 18); each task instance asks once (TaskOnKart caches its descriptor), so the lock is not contended.
    // By reference: a runtime type has one Type object, and the default comparer for Type is made by reflection on first use.
    private static readonly Dictionary<Type, TaskDescriptor> Cache = new(ReferenceEqualityComparer.Instance);
    private static readonly Lock CacheGate = new();

    private readonly Lazy<string?> _codeVersion;
    private string? _directory;

    // 0 unknown, 1 no, 2 yes: an int so that threads asking at once see a whole value (a pure result, so a repeat is harmless).
    private int _hasRun;

    private TaskDescriptor(Type type, TaskShape? shape)
    {
        Type = type;
        ClassName = type.Name;
        var backtick = ClassName.IndexOf('`', StringComparison.Ordinal);
        if (backtick >= 0)
        {
            ClassName = ClassName[..backtick];
        }

        OutputType = shape?.OutputType ?? FindOutputType(type)
            ?? throw new TaskDefinitionException(type.Name, $"task '{type.FullName}' must derive from TaskOnKart<T>");
        RowStreamRecord = Formats.Tables.RowStreams.IsRowStream(OutputType, out var record) ? record : null;

        // IsDefined first: most classes carry none of these, and asking for the attribute object costs a fresh process more.
        // A shape skips the reflection below (about 6 ms in a fresh process, issue 18); the generator records exactly
        // what reflection would find, which TaskShapeEquivalenceTests checks for every task class of the test assembly.
        Options = (shape is null ? Find<TaskOptionsAttribute>(type, inherit: true) : shape.Options) ?? new TaskOptionsAttribute();
        Retry = shape is null ? Find<RetryAttribute>(type, inherit: true) : shape.Retry;
        var codeVersion = shape is null ? Find<CodeVersionAttribute>(type, inherit: false) : shape.CodeVersion;
        _codeVersion = new Lazy<string?>(() => CodeFingerprint.Describe(type, codeVersion), LazyThreadSafetyMode.ExecutionAndPublication);
        Parameters = shape is null ? ReadParameters(type, ClassName) : FromShape(shape.Parameters, ClassName);
        TaskParameters = TasksOf(Parameters);
    }

    public Type Type { get; }

    /// <summary>The class name without namespace (gokart's task family).</summary>
    public string ClassName { get; }

    /// <summary>The workspace folder of the default output: the namespace as a path, or <c>__main__</c>.</summary>
    /// <remarks>
    /// Made when first asked, by tasks that keep the default output: <see cref="Type.Namespace"/> is decoded from UTF-8
    /// in managed code, and a process's first UTF-8 decode costs about 2 ms (issue 18, a fresh process's first load).
    /// </remarks>
    // gokart writes under the module path; a top-level C# program is the analogue of a script's __main__.
    public string Directory => _directory ??= string.IsNullOrEmpty(Type.Namespace) ? "__main__" : Type.Namespace.Replace('.', '/');

    /// <summary>The <c>T</c> of <c>TaskOnKart&lt;T&gt;</c>.</summary>
    public Type OutputType { get; }

    /// <summary>The <c>TRecord</c> when <see cref="OutputType"/> is a row stream (<c>IAsyncEnumerable&lt;TRecord&gt;</c>), else null; found once per class, not per run.</summary>
    public Type? RowStreamRecord { get; }

    public TaskOptionsAttribute Options { get; }

    /// <summary>The class's own retry policy; null to use the build's.</summary>
    public RetryAttribute? Retry { get; }

    // Arrays rather than ImmutableArray, whose assembly a fresh process would load for this alone (issue 18); never written after the constructor.

    /// <summary>Parameters in declaration order, base class first; not to be modified.</summary>
    public ParameterDescriptor[] Parameters { get; }

    /// <summary>The parameters holding a task or a list of tasks (the default requirements); not to be modified.</summary>
    public ParameterDescriptor[] TaskParameters { get; }

    /// <summary>Whether the class overrides <c>Run</c> or <c>RunAsync</c>; looked up when first asked (a build asks, a load does not).</summary>
    public bool HasRun
    {
        get
        {
            if (_hasRun == 0)
            {
                _hasRun = Overrides(Type, "Run", Type.EmptyTypes) || Overrides(Type, "RunAsync", [typeof(CancellationToken)]) ? 2 : 1;
            }

            return _hasRun == 2;
        }
    }

    /// <summary>Text folded into the unique id when the class opts into the code-version check; null otherwise.</summary>
    public string? CodeVersion => _codeVersion.Value;

    public static TaskDescriptor For(Type type)
    {
        lock (CacheGate)
        {
            if (Cache.TryGetValue(type, out var known))
            {
                return known;
            }
        }

        // Made outside the lock (reflection can be slow and can throw); if two threads race, the first one stored wins.
        var made = new TaskDescriptor(type, TaskShapes.Find(type)?.Invoke());
        lock (CacheGate)
        {
            return Cache.TryAdd(type, made) ? made : Cache[type];
        }
    }

    /// <summary>A descriptor made afresh, from <paramref name="shape"/> or, when null, by reflection; for tests that compare the two.</summary>
    internal static TaskDescriptor Read(Type type, TaskShape? shape) => new(type, shape);

    public ParameterDescriptor? FindParameter(string name)
    {
        foreach (var p in Parameters)
        {
            if (p.Name == name || p.SnakeName == name || p.KebabName == name)
            {
                return p;
            }
        }

        return null;
    }

    private static Type? FindOutputType(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TaskOnKart<>))
            {
                return t.GetGenericArguments()[0];
            }
        }

        return null;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The type derives from TaskOnKart (checked by the caller or just above); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    private static ParameterDescriptor[] ReadParameters(Type type, string className)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(TaskOnKart<>))
            {
                break;
            }

            chain.Add(t);
        }

        chain.Reverse();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<ParameterDescriptor>();
        foreach (var t in chain)
        {
            var declared = InDeclarationOrder(t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly));
            foreach (var property in declared)
            {
                if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0
                    || property.IsDefined(typeof(NotParameterAttribute), inherit: true) || !seen.Add(property.Name))
                {
                    continue;
                }

                var attribute = Find<ParameterAttribute>(property, inherit: true);
                result.Add(new ParameterDescriptor(property, TypeOf(property.Name, property.PropertyType, attribute, className), attribute));
            }
        }

        return [.. result];
    }

    private static ParameterDescriptor[] FromShape(ParameterShape[] shapes, string className)
    {
        var result = new ParameterDescriptor[shapes.Length];
        for (var i = 0; i < shapes.Length; i++)
        {
            var shape = shapes[i];
            result[i] = new ParameterDescriptor(shape, TypeOf(shape.Name, shape.PropertyType, shape.Attribute, className));
        }

        return result;
    }

    private static ParameterType TypeOf(string name, Type propertyType, ParameterAttribute? attribute, string className)
    {
        var granularity = attribute?.Granularity ?? DateGranularity.Default;
        return ParameterType.For(propertyType, granularity)
            ?? (granularity != DateGranularity.Default
                ? throw new TaskDefinitionException(
                    className,
                    $"parameter '{name}' of task '{className}' has Granularity = {granularity}, which needs a "
                    + (granularity is DateGranularity.Year or DateGranularity.Month ? "DateOnly" : "DateTime")
                    + $", not '{propertyType}'.")
                : (ParameterType?)null)
            ?? throw new TaskDefinitionException(
                className,
                $"parameter '{name}' of task '{className}' has unsupported type '{propertyType}'. "
                + "Supported: string, bool, integers, float/double/decimal, enums, DateOnly, DateTime, DateTimeOffset, "
                + "TimeSpan, Guid, DateInterval, lists and dictionaries of those, tasks and lists of tasks. "
                + "Mark it [NotParameter] if it is not a parameter.");
    }

    private static ParameterDescriptor[] TasksOf(ParameterDescriptor[] parameters)
    {
        var tasks = new List<ParameterDescriptor>();
        foreach (var parameter in parameters)
        {
            if (parameter.IsTask)
            {
                tasks.Add(parameter);
            }
        }

        return [.. tasks];
    }

    // Attribute.IsDefined, not MemberInfo.IsDefined: it follows inheritance for properties as GetCustomAttribute does.
    private static T? Find<T>(MemberInfo member, bool inherit)
        where T : Attribute =>
        Attribute.IsDefined(member, typeof(T), inherit) ? member.GetCustomAttribute<T>(inherit) : null;

    // Metadata tokens give the declaration order under the JIT. A Native AOT program has no tokens (reading one throws);
    // its reflection lists a type's members in metadata order already.
    // GetProperties returns a fresh array, sorted here in place; tokens are unique, so an unstable sort orders as a stable
    // one would, and no LINQ is loaded for it (issue 18, a fresh process's first build).
    private static PropertyInfo[] InDeclarationOrder(PropertyInfo[] properties)
    {
        if (properties.Length > 1 && properties[0].HasMetadataToken())
        {
            Array.Sort(properties, static (a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
        }

        return properties;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The type derives from TaskOnKart (checked by the caller or just above); TaskOnKart's [DynamicallyAccessedMembers] keeps the constructors, properties and methods of every type that derives from it.")]
    private static bool Overrides(Type type, string name, Type[] parameters)
    {
        var method = type.GetMethod(name, BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public, null, parameters, null);
        var declaring = method?.DeclaringType;
        return declaring is not null && !(declaring.IsGenericType && declaring.GetGenericTypeDefinition() == typeof(TaskOnKart<>));
    }
}
