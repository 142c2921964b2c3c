using System.Globalization;
using GoKart.Formats;
using Microsoft.Data.Analysis;

namespace GoKart.DataFrames;

/// <summary>A DataFrame as CSV/TSV with a header row; loading guesses column types from the rows, as pandas' read_csv.</summary>
internal sealed class CsvFrames(char separator) : IDataFrameCodec
{
    // Microsoft.Data.Analysis falls back to ASCII without an encoding (turning "ü" into "?"); gokart's csv is UTF-8, no BOM.
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async ValueTask WriteAsync(Stream stream, DataFrame frame, FormatContext context, CancellationToken cancellationToken)
    {
        // SaveCsv disposes nothing but writes synchronously: buffer, then copy asynchronously.
        using var buffer = new MemoryStream();
        DataFrame.SaveCsv(frame, buffer, separator, header: true, encoding: context.Target.Encoding ?? Utf8, cultureInfo: CultureInfo.InvariantCulture);
        buffer.Position = 0;
        await buffer.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<DataFrame> ReadAsync(Stream stream, FormatContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        try
        {
            return DataFrame.LoadCsv(buffer, separator, header: true, guessRows: 1000, encoding: context.Target.Encoding ?? Utf8, cultureInfo: CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{context.Location}: cannot be read as a DataFrame: {e.Message}", e);
        }
    }
}
