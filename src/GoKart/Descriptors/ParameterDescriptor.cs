using System.Reflection;
using System.Runtime.CompilerServices;
using GoKart.Hashing;

namespace GoKart.Descriptors;

/// <summary>One task parameter: names, type shape, significance; read once per task type.</summary>
internal sealed class ParameterDescriptor
{
    public ParameterDescriptor(PropertyInfo property, ParameterType type, ParameterAttribute? attribute)
    {
        Property = property;
        Type = type;
        Name = property.Name;
        SnakeName = NameCase.ToSnakeCase(property.Name);
        KebabName = NameCase.ToKebabCase(property.Name);
        Significant = attribute?.Significant ?? true;
        Description = attribute?.Description;
        IsRequired = property.IsDefined(typeof(RequiredMemberAttribute), inherit: false);
    }

    public PropertyInfo Property { get; }

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

    public object? GetValue(TaskOnKart task) => Property.GetValue(task);

    public void SetValue(TaskOnKart task, object? value) => Property.SetValue(task, value);
}
