using System.Globalization;
using System.Text;

namespace GoKart.Cli.Experiments;

/// <summary>
/// Parses a row filter such as <c>args.lr &gt; 0.01 &amp;&amp; status == SUCCESS</c>: comparisons
/// (== != &lt; &lt;= &gt; &gt;=), &amp;&amp;, ||, !, parentheses, numbers, quoted strings, and bare words, which are
/// the value of a column when a column has that name and a string otherwise.
/// </summary>
internal sealed class FilterExpression
{
    private readonly string _text;
    private int _position;

    private FilterExpression(string text) => _text = text;

    /// <summary>Parses <paramref name="text"/> into a predicate over rows.</summary>
    /// <exception cref="FilterSyntaxException">The expression is malformed.</exception>
    public static Func<IReadOnlyDictionary<string, object?>, bool> Parse(string text)
    {
        var parser = new FilterExpression(text);
        var node = parser.ParseOr();
        parser.SkipSpaces();
        if (parser._position < text.Length)
        {
            throw parser.Error($"unexpected '{text[parser._position]}'");
        }

        return row => Cells.IsTrue(node(row));
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ParseOr()
    {
        var left = ParseAnd();
        while (Accept("||"))
        {
            var (l, right) = (left, ParseAnd());
            left = row => Cells.IsTrue(l(row)) || Cells.IsTrue(right(row));
        }

        return left;
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ParseAnd()
    {
        var left = ParseUnary();
        while (Accept("&&"))
        {
            var (l, right) = (left, ParseUnary());
            left = row => Cells.IsTrue(l(row)) && Cells.IsTrue(right(row));
        }

        return left;
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ParseUnary()
    {
        SkipSpaces();
        if (Peek('!') && !Peek("!="))
        {
            _position++;
            var operand = ParseUnary();
            return row => !Cells.IsTrue(operand(row));
        }

        return ParseComparison();
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ParseComparison()
    {
        var left = ParsePrimary();
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<", ">"])
        {
            if (!Accept(op))
            {
                continue;
            }

            var right = ParsePrimary();
            Func<int, bool> test = op switch
            {
                "<=" => c => c <= 0,
                ">=" => c => c >= 0,
                "<" => c => c < 0,
                _ => c => c > 0,
            };
            return op switch
            {
                "==" => row => Cells.AreEqual(left(row), right(row)),
                "!=" => row => !Cells.AreEqual(left(row), right(row)),
                _ => row => left(row) is { } a && right(row) is { } b && test(Cells.Compare(a, b)),
            };
        }

        return left;
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ParsePrimary()
    {
        SkipSpaces();
        if (_position >= _text.Length)
        {
            throw Error("expected a value, a column name or '(' but the expression ended");
        }

        var c = _text[_position];
        if (c == '(')
        {
            _position++;
            var inner = ParseOr();
            if (!Accept(")"))
            {
                throw Error("expected ')'");
            }

            return inner;
        }

        if (c is '"' or '\'')
        {
            var text = ReadQuoted(c);
            return _ => text;
        }

        if (char.IsDigit(c) || ((c is '-' or '.') && _position + 1 < _text.Length && (char.IsDigit(_text[_position + 1]) || _text[_position + 1] == '.')))
        {
            return ReadNumber();
        }

        if (IsWordChar(c))
        {
            var start = _position;
            while (_position < _text.Length && IsWordChar(_text[_position]))
            {
                _position++;
            }

            var word = _text[start.._position];
            return row => row.TryGetValue(word, out var value) ? value : word;
        }

        throw Error($"unexpected '{c}'; expected a value, a column name or '('");
    }

    private Func<IReadOnlyDictionary<string, object?>, object?> ReadNumber()
    {
        var start = _position;
        _position++;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '.' or 'e' or 'E'
               || (_text[_position] is '+' or '-' && _text[_position - 1] is 'e' or 'E')))
        {
            _position++;
        }

        if (!double.TryParse(_text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            _position = start;
            throw Error($"'{_text[start.._position]}' is not a number");
        }

        return _ => number;
    }

    private string ReadQuoted(char quote)
    {
        var start = _position;
        var builder = new StringBuilder();
        for (_position++; _position < _text.Length; _position++)
        {
            var c = _text[_position];
            if (c == '\\' && _position + 1 < _text.Length)
            {
                builder.Append(_text[++_position]);
            }
            else if (c == quote)
            {
                _position++;
                return builder.ToString();
            }
            else
            {
                builder.Append(c);
            }
        }

        _position = start;
        throw Error("this quoted string is not closed");
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '.' or '-' or ':';

    private bool Accept(string token)
    {
        SkipSpaces();
        if (!Peek(token))
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private bool Peek(string token) => string.CompareOrdinal(_text, _position, token, 0, token.Length) == 0;

    private void SkipSpaces()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private FilterSyntaxException Error(string problem) => new(_text, _position, problem);
}
