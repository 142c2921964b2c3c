using System;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GoKart.Generators;

/// <summary>Finds attributes as reflection's <c>GetCustomAttribute(inherit)</c> does and writes them as C# expressions.</summary>
internal static class Attributes
{
    /// <summary>
    /// The class's attribute of <paramref name="attributeClass"/> (walking base classes when <paramref name="inherit"/>
    /// and the attribute's usage allows, as reflection does), written as a <c>new</c> expression; null if there is none.
    /// <paramref name="ok"/> is false when there is one that cannot be written.
    /// </summary>
    public static string? Find(INamedTypeSymbol type, INamedTypeSymbol attributeClass, bool inherit, Compilation compilation, out bool ok)
    {
        var walk = inherit && IsInherited(attributeClass);
        for (var t = type; t is not null; t = walk ? t.BaseType : null)
        {
            var found = On(t, attributeClass);
            if (found is not null)
            {
                var text = Write(found, compilation);
                ok = text is not null;
                return text;
            }
        }

        ok = true;
        return null;
    }

    /// <summary>The property's attribute, else (for an inherited attribute) the nearest overridden property's, as reflection finds it.</summary>
    public static AttributeData? OnPropertyOrOverridden(IPropertySymbol property, INamedTypeSymbol attributeClass)
    {
        var walk = IsInherited(attributeClass);
        for (var p = property; p is not null; p = walk ? p.OverriddenProperty : null)
        {
            var found = On(p, attributeClass);
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary><c>new global::Attr(args) { Named = value }</c>, or null when an argument has no exact C# spelling here.</summary>
    public static string? Write(AttributeData attribute, Compilation compilation)
    {
        if (attribute.AttributeClass is not { } attributeClass || attribute.AttributeConstructor is null
            || !TypeNames.IsUsable(attributeClass, compilation))
        {
            return null;
        }

        var text = new StringBuilder("new ").Append(TypeNames.Of(attributeClass)).Append('(');
        for (var i = 0; i < attribute.ConstructorArguments.Length; i++)
        {
            var argument = Constant(attribute.ConstructorArguments[i], compilation);
            if (argument is null)
            {
                return null;
            }

            text.Append(i == 0 ? string.Empty : ", ").Append(argument);
        }

        text.Append(')');
        if (attribute.NamedArguments.Length > 0)
        {
            text.Append(" { ");
            foreach (var named in attribute.NamedArguments)
            {
                var value = Constant(named.Value, compilation);
                if (value is null)
                {
                    return null;
                }

                text.Append('@').Append(named.Key).Append(" = ").Append(value).Append(", ");
            }

            text.Append('}');
        }

        return text.ToString();
    }

    private static string? Constant(TypedConstant constant, Compilation compilation)
    {
        if (constant.IsNull)
        {
            return constant.Type is null || !TypeNames.IsUsable(constant.Type, compilation) ? "null" : "(" + TypeNames.Of(constant.Type) + ")null!";
        }

        if (constant.Type is null || !TypeNames.IsUsable(constant.Type, compilation))
        {
            return null;
        }

        var type = TypeNames.Of(constant.Type);
        return constant.Kind switch
        {
            TypedConstantKind.Enum => constant.Value is IFormattable value ? "((" + type + ")(" + TaskShapeWriter.Invariant(value) + "))" : null,
            TypedConstantKind.Primitive => constant.Value switch
            {
                bool b => b ? "true" : "false",
                string s => TaskShapeWriter.Literal(s),
                char c => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(c, quote: true),
                double d when !double.IsNaN(d) && !double.IsInfinity(d) => "((double)(" + TaskShapeWriter.Invariant(d, "R") + "D))",
                float f when !float.IsNaN(f) && !float.IsInfinity(f) => "((float)(" + TaskShapeWriter.Invariant(f, "R") + "F))",
                sbyte or byte or short or ushort or int or uint or long or ulong => "((" + type + ")(" + TaskShapeWriter.Invariant((IFormattable)constant.Value) + "))",
                _ => null,
            },

            // typeof and arrays: none of GoKart's attributes take them; left to reflection rather than spelled inexactly.
            _ => null,
        };
    }

    /// <summary>The attribute on the symbol itself.</summary>
    public static AttributeData? OnProperty(IPropertySymbol property, INamedTypeSymbol attributeClass) => On(property, attributeClass);

    private static AttributeData? On(ISymbol symbol, INamedTypeSymbol attributeClass)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    // [AttributeUsage(Inherited = ...)], true when not said (as for reflection).
    private static bool IsInherited(INamedTypeSymbol attributeClass)
    {
        for (var t = attributeClass; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == "System.AttributeUsageAttribute")
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "Inherited" && named.Value.Value is bool inherited)
                        {
                            return inherited;
                        }
                    }

                    return true;
                }
            }
        }

        return true;
    }
}
