using System.Globalization;
using System.Text;

namespace GoKart.Formats.Pickle;

/// <summary>Python's raw-unicode-escape codec, used by protocol 0's UNICODE opcode.</summary>
internal static class PickleText
{
    public static string RawUnicodeEscape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\\' && i + 1 < bytes.Length && bytes[i + 1] is (byte)'u' or (byte)'U')
            {
                var digits = bytes[i + 1] == (byte)'u' ? 4 : 8;
                if (i + 2 + digits <= bytes.Length
                    && int.TryParse(Encoding.ASCII.GetString(bytes.Slice(i + 2, digits)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    text.Append(char.ConvertFromUtf32(code));
                    i += 1 + digits;
                    continue;
                }
            }

            text.Append((char)bytes[i]);
        }

        return text.ToString();
    }
}
