using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoKart.Generators;

/// <summary>
/// The text that is hashed: every token of the declaration, one space apart, plus conditional-compilation
/// directives and the code they disable. Whitespace, line breaks, comments, XML doc comments, #region and
/// #pragma are left out, so reformatting or commenting changes nothing; both sides of an <c>#if</c> are in,
/// so the result does not depend on which symbols (DEBUG, RELEASE, ...) the build defines.
/// </summary>
internal static class SourceNormalizer
{
    public static string Normalize(SyntaxNode node)
    {
        var text = new StringBuilder();
        foreach (var token in node.DescendantTokens(descendIntoTrivia: false))
        {
            AppendTrivia(text, token.LeadingTrivia);
            Append(text, token.Text);
            AppendTrivia(text, token.TrailingTrivia);
        }

        return text.ToString();
    }

    public static string Hash(string normalized)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(normalized));
        var hex = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            hex.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return hex.ToString();
    }

    private static void AppendTrivia(StringBuilder text, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            switch (t.Kind())
            {
                case SyntaxKind.IfDirectiveTrivia or SyntaxKind.ElifDirectiveTrivia or SyntaxKind.ElseDirectiveTrivia
                    or SyntaxKind.EndIfDirectiveTrivia or SyntaxKind.DefineDirectiveTrivia or SyntaxKind.UndefDirectiveTrivia:
                    foreach (var word in t.ToFullString().Split((char[]?)null, System.StringSplitOptions.RemoveEmptyEntries))
                    {
                        Append(text, word);
                    }

                    break;
                case SyntaxKind.DisabledTextTrivia:
                    // Lexed into the same tokens it gives when its symbol is defined, so both builds hash alike.
                    foreach (var token in SyntaxFactory.ParseTokens(t.ToFullString()))
                    {
                        Append(text, token.Text);
                    }

                    break;
            }
        }
    }

    private static void Append(StringBuilder text, string piece)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(piece);
    }
}
