using System.ComponentModel;

namespace GoKart.Generated;

/// <summary>
/// One task parameter as recorded at compile time by the GoKart source generator; not for use in hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParameterShape
{
    /// <summary>Creates a parameter shape; called by generated code only.</summary>
    /// <param name="declaringType">The class that declares the property (where a setter is looked up when one is needed).</param>
    /// <param name="name">The C# property name.</param>
    /// <param name="propertyType">The property's declared type.</param>
    /// <param name="attribute">The property's <see cref="ParameterAttribute"/>, inherited from overridden properties as reflection finds it; null if none.</param>
    /// <param name="isRequired">Whether the property is declared with the C# <c>required</c> modifier.</param>
    /// <param name="get">Reads the property from a task of the class.</param>
    public ParameterShape(Type declaringType, string name, Type propertyType, ParameterAttribute? attribute, bool isRequired, Func<TaskOnKart, object?> get)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(propertyType);
        ArgumentNullException.ThrowIfNull(get);
        DeclaringType = declaringType;
        Name = name;
        PropertyType = propertyType;
        Attribute = attribute;
        IsRequired = isRequired;
        Get = get;
    }

    /// <summary>The class that declares the property.</summary>
    public Type DeclaringType { get; }

    /// <summary>The C# property name.</summary>
    public string Name { get; }

    /// <summary>The property's declared type.</summary>
    public Type PropertyType { get; }

    /// <summary>The property's parameter attribute; null if none.</summary>
    public ParameterAttribute? Attribute { get; }

    /// <summary>Declared with the C# <c>required</c> modifier.</summary>
    public bool IsRequired { get; }

    /// <summary>Reads the property.</summary>
    public Func<TaskOnKart, object?> Get { get; }
}
