using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace GoKart.Generators;

/// <summary>
/// Writes one task class's registration, reproducing what <c>TaskDescriptor</c> reads by reflection; returns null for
/// whatever it cannot reproduce exactly or name from generated code (the engine then uses reflection).
/// </summary>
internal static class TaskShapeWriter
{
    private const string Shapes = "global::GoKart.Generated.";

    /// <summary>One class's registration statement, keyed by its metadata name.</summary>
    internal readonly struct Registration : IEquatable<Registration>
    {
        public Registration(string key, string code)
        {
            Key = key;
            Code = code;
        }

        public string Key { get; }

        public string Code { get; }

        public bool Equals(Registration other) => Key == other.Key && Code == other.Code;

        public override bool Equals(object? obj) => obj is Registration other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Code);
    }

    public static Registration? Describe(INamedTypeSymbol type, Compilation compilation)
    {
        var known = KnownSymbols.For(compilation);
        if (known is null || type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic
            || !TypeNames.IsUsable(type, compilation) || HasGenericContainer(type))
        {
            return null;
        }

        // The chain below TaskOnKart<T>, most derived first; reflection reads it base first.
        var chain = new List<INamedTypeSymbol>();
        ITypeSymbol? output = null;
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, known.TaskOnKart))
            {
                output = t.TypeArguments[0];
                break;
            }

            // A partial class may receive properties from other generators, which this one cannot see.
            if (IsPartial(t) || TypeNames.IsFlagged(t))
            {
                return null;
            }

            chain.Add(t);
        }

        if (output is null || !TypeNames.IsUsable(output, compilation))
        {
            return null;
        }

        var options = Attributes.Find(type, known.TaskOptions, inherit: true, compilation, out var ok1);
        var retry = Attributes.Find(type, known.Retry, inherit: true, compilation, out var ok2);
        var codeVersion = Attributes.Find(type, known.CodeVersion, inherit: false, compilation, out var ok3);
        var parameters = Parameters(chain, known, compilation);
        if (!ok1 || !ok2 || !ok3 || parameters is null)
        {
            return null;
        }

        var name = TypeNames.Of(type);
        var code = new StringBuilder()
            .Append("            ").Append(Shapes).Append("TaskShapes.Register(typeof(").Append(name).Append("), static () => new ")
            .Append(Shapes).Append("TaskShape(\n")
            .Append("                typeof(").Append(TypeNames.Of(output)).Append("),\n")
            .Append("                ").Append(options ?? "null").Append(",\n")
            .Append("                ").Append(retry ?? "null").Append(",\n")
            .Append("                ").Append(codeVersion ?? "null").Append(",\n")
            .Append("                new ").Append(Shapes).Append("ParameterShape[]\n                {\n")
            .Append(parameters)
            .Append("                }));\n");
        return new Registration(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), code.ToString());
    }

    /// <summary>
    /// ReadParameters' list: base class first, declared public instance non-indexer properties in declaration order with
    /// a public setter (init included), not [NotParameter], first name wins. [NotParameter] counts only on the property
    /// itself: reflection asks MemberInfo.IsDefined, which ignores inherit for properties ([Parameter] is read with
    /// Attribute.GetCustomAttribute, which does walk overridden properties).
    /// </summary>
    private static string? Parameters(List<INamedTypeSymbol> chain, KnownSymbols known, Compilation compilation)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var declaring = chain[i];
            foreach (var member in declaring.GetMembers())
            {
                if (member is not IPropertySymbol { IsStatic: false, IsIndexer: false } property
                    || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || Attributes.OnProperty(property, known.NotParameter) is not null
                    || !seen.Add(property.Name))
                {
                    continue;
                }

                // The getter is called from generated code: it must exist and be reachable from outside the class.
                if (property.GetMethod is null || property.Type.IsRefLikeType || property.ReturnsByRef || property.ReturnsByRefReadonly
                    || !compilation.IsSymbolAccessibleWithin(property.GetMethod, compilation.Assembly)
                    || !TypeNames.IsUsable(property.Type, compilation) || TypeNames.IsFlagged(property) || TypeNames.IsFlagged(property.GetMethod))
                {
                    return null;
                }

                var attribute = Attributes.OnPropertyOrOverridden(property, known.Parameter);
                string? attributeText = null;
                if (attribute is not null && (attributeText = Attributes.Write(attribute, compilation)) is null)
                {
                    return null;
                }

                var declaringName = TypeNames.Of(declaring);
                text.Append("                    new ").Append(Shapes).Append("ParameterShape(typeof(").Append(declaringName).Append("), ")
                    .Append(Literal(property.Name)).Append(", typeof(").Append(TypeNames.Of(property.Type)).Append("), ")
                    .Append(attributeText ?? "null").Append(", ").Append(property.IsRequired ? "true" : "false")
                    .Append(", static t => ((").Append(declaringName).Append(")t).@").Append(property.Name).Append("),\n");
            }
        }

        return text.ToString();
    }

    private static bool HasGenericContainer(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword))
            {
                return true;
            }
        }

        return false;
    }

    internal static string Literal(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    internal static string Invariant(IFormattable value, string? format = null) => value.ToString(format, CultureInfo.InvariantCulture);
}
