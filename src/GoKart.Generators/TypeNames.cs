using Microsoft.CodeAnalysis;

namespace GoKart.Generators;

/// <summary>Names types for <c>typeof</c> in generated code, and says which types generated code can name at all.</summary>
internal static class TypeNames
{
    // Fully qualified, without nullable reference annotations (typeof(string?) does not compile) and with tuples
    // spelled as ValueTuple (element names are not part of the runtime type).
    private static readonly SymbolDisplayFormat Format = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Included,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.ExpandValueTuple);

    public static string Of(ITypeSymbol type) => type.ToDisplayString(Format);

    /// <summary>Whether a top-level class of this assembly can write <c>typeof(type)</c> without error or warning.</summary>
    public static bool IsUsable(ITypeSymbol type, Compilation compilation)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return IsUsable(array.ElementType, compilation);
            case INamedTypeSymbol named when named.TypeKind != TypeKind.Error && !named.IsFileLocal && !named.IsUnboundGenericType:
                if (IsFlagged(named) || !compilation.IsSymbolAccessibleWithin(named.OriginalDefinition, compilation.Assembly))
                {
                    return false;
                }

                foreach (var argument in named.TypeArguments)
                {
                    if (!IsUsable(argument, compilation))
                    {
                        return false;
                    }
                }

                return named.ContainingType is null || IsUsable(named.ContainingType, compilation);
            default:
                // Type parameters, pointers, function pointers, dynamic and error types.
                return false;
        }
    }

    /// <summary>Marked obsolete or experimental: naming it could warn or fail, so the class is left to reflection.</summary>
    public static bool IsFlagged(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is "System.ObsoleteAttribute" or "System.Diagnostics.CodeAnalysis.ExperimentalAttribute")
            {
                return true;
            }
        }

        return false;
    }
}
