using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using GoKart.Generated;
using GoKart.Hashing;

namespace GoKart.Descriptors;

/// <summary>One task parameter: names, type shape, significance; read once per task type.</summary>
internal sealed class ParameterDescriptor
{
    private readonly Type _declaringType;
    private readonly Func<TaskOnKart, object?>? _get;
    private PropertyInfo? _property;

    public ParameterDescriptor(PropertyInfo property, ParameterType type, ParameterAttribute? attribute)
        : this(property.DeclaringType!, property.Name, type, attribute, property.IsDefined(typeof(RequiredMemberAttribute), inherit: false), get: null) =>
        _property = property;

    /// <summary>From a shape recorded at compile time: no reflection until a value is set.</summary>
    public ParameterDescriptor(ParameterShape shape, ParameterType type)
        : this(shape.DeclaringType, shape.Name, type, shape.Attribute, shape.IsRequired, shape.Get)
    {
    }

    private ParameterDescriptor(Type declaringType, string name, ParameterType type, ParameterAttribute? attribute, bool isRequired, Func<TaskOnKart, object?>? get)
    {
        _declaringType = declaringType;
        _get = get;
        Type = type;
        Name = name;
        SnakeName = NameCase.ToSnakeCase(name);
        KebabName = NameCase.ToKebabCase(name);
        Significant = attribute?.Significant ?? true;
        Description = attribute?.Description;
        IsRequired = isRequired;
    }

    /// <summary>The property; looked up when first asked if the descriptor came from a compile-time shape.</summary>
    public PropertyInfo Property => _property ??= FindProperty(_declaringType, Name);

    public ParameterType Type { get; }

    /// <summary>The C# property name.</summary>
    public string Name { get; }

    /// <summary>The name in the unique id, task_params and config files (luigi's parameter name).</summary>
    public string SnakeName { get; }

    /// <summary>The name on the command line.</summary>
    public string KebabName { get; }

    public bool Significant { get; }

    public string? Description { get; }

    /// <summary>Declared with the C# <c>required</c> modifier.</summary>
    public bool IsRequired { get; }

    public bool IsTask => Type.Kind is ParameterKind.Task or ParameterKind.TaskList;

    public object? GetValue(TaskOnKart task) => _get is not null ? _get(task) : Property.GetValue(task);

    // Setting stays on reflection: parameters are set from config files and the command line, off the hot path, and
    // generated code could not assign init-only properties anyway.
    public void SetValue(TaskOnKart task, object? value) => Property.SetValue(task, value);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The declaring type is a task class or one of its base classes; TaskOnKart's [DynamicallyAccessedMembers] keeps the properties of every type that derives from it.")]
    private static PropertyInfo FindProperty(Type declaringType, string name) =>
        declaringType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        ?? throw new InvalidOperationException($"property '{name}' of '{declaringType}' is gone");
}
