namespace GoKart.Formats.Numpy;

/// <summary>Where a table column's value is read or written, to name the file, column, row and property type in errors.</summary>
/// <param name="Location">The file, and when reading the entry (<c>t.npz [when.npy]</c>).</param>
/// <param name="Column">The column (array) name.</param>
/// <param name="Record">The record type's name.</param>
/// <param name="TypeName">The property type as errors show it (<c>DateTime?</c>).</param>
internal sealed record NpzColumnSite(string Location, string Column, string Record, string TypeName)
{
    /// <summary>The column's dtype is not one the property can be read from.</summary>
    public InvalidDataException Mismatch(string descr, string accepts)
    {
        var hint = descr.EndsWith('O') ? " Object arrays need pickle, which GoKart.NET does not load: save strings with .astype(str)." : string.Empty;
        return new($"{Location}: column '{Column}' holds {descr} but {Record}.{Column} is {TypeName}, which reads {accepts}.{hint}");
    }

    /// <summary>One value cannot be converted; rows are counted from 1, the array index from 0.</summary>
    public InvalidDataException AtRow(long index, string what) =>
        new($"{Location}: column '{Column}', row {index + 1} (index {index}): {what}.");
}
