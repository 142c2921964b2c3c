namespace GoKart.Formats.Tables;

/// <summary>Splits a buffer of complete lines into one block per core, each ending at a line break.</summary>
internal static class LineBlocks
{
    /// <summary>
    /// Block boundaries over <c>data[0..(last + 1)]</c>, where <paramref name="last"/> is the index of the final
    /// '\n': block <c>s</c> is <c>[bounds[s], bounds[s + 1])</c>; blocks may be empty.
    /// </summary>
    public static int[] Split(ReadOnlySpan<byte> data, int last, int segments)
    {
        var bounds = new int[segments + 1];
        bounds[segments] = last + 1;
        for (var s = 1; s < segments; s++)
        {
            var from = Math.Max(bounds[s - 1], (int)((long)(last + 1) * s / segments));
            var newline = data[from..(last + 1)].IndexOf((byte)'\n');
            bounds[s] = newline < 0 ? last + 1 : from + newline + 1;
        }

        return bounds;
    }
}
