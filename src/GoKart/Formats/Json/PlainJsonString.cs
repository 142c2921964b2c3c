namespace GoKart.Formats.Json;

/// <summary>
/// Strings that System.Text.Json's encoders leave as they are, written without the encoder: the first
/// <c>JavaScriptEncoder</c> of a process builds its code-point tables, about 2 ms of a fresh process's first build
/// (issue 18, start-up), for outputs and logs that are almost always plain ASCII.
/// </summary>
/// <remarks>
/// Both encoders escape every control character, DEL, <c>"</c>, <c>\</c> and everything outside ASCII; the default
/// one also escapes the HTML-sensitive <c>&amp; ' + &lt; &gt;</c> and the backtick. A string with any of those goes to the
/// caller's encoder, so the bytes are the same either way.
/// </remarks>
internal static class PlainJsonString
{
    /// <summary>True when <paramref name="text"/> is printable ASCII that the encoder would not escape.</summary>
    /// <param name="text">The string.</param>
    /// <param name="minimalEscaping">
    /// True for <c>JavaScriptEncoder.UnsafeRelaxedJsonEscaping</c>, false for the default encoder.
    /// </param>
    public static bool IsPlain(ReadOnlySpan<char> text, bool minimalEscaping)
    {
        foreach (var c in text)
        {
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\')
            {
                return false;
            }

            if (!minimalEscaping && c is '&' or '\'' or '+' or '<' or '>' or '`')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Writes <paramref name="text"/> in quotes to the start of <paramref name="destination"/> (at least two bytes longer);
    /// only for a string <see cref="IsPlain"/> accepted. Returns the bytes written.
    /// </summary>
    public static int WriteQuoted(Span<byte> destination, ReadOnlySpan<char> text)
    {
        destination[0] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            destination[i + 1] = (byte)text[i];
        }

        destination[text.Length + 1] = (byte)'"';
        return text.Length + 2;
    }
}
