using GoKart.Formats;
using nietras.SeparatedValues;
using Sylvan.Data.Csv;

namespace GoKart.Bench.Csv;

/// <summary>The same reads and writes through each library, into the same records.</summary>
internal static class Readers
{
    private static readonly FormatRegistry Registry = FormatRegistry.CreateDefault();

    public static async Task OursWriteAsync<T>(string path, IReadOnlyList<T> rows)
    {
        var target = new Target(path);
        await using var stream = File.Create(path);
        await target.ResolveFormat(Registry).WriteAsync(stream, rows, typeof(IReadOnlyList<T>), new FormatContext(path, target, Registry), CancellationToken.None);
    }

    public static Task<IReadOnlyList<WideRow>> OursWideAsync(string path) => OursReadAsync<WideRow>(path);

    public static Task<IReadOnlyList<TextRow>> OursTextsAsync(string path) => OursReadAsync<TextRow>(path);

    public static List<WideRow> SepWide(string path)
    {
        using var reader = Sep.Reader().FromFile(path);
        var rows = new List<WideRow>();
        foreach (var row in reader)
        {
            rows.Add(new WideRow(row[0].Parse<double>(), row[1].Parse<double>(), row[2].Parse<double>(), row[3].Parse<double>(), row[4].Parse<double>(),
                row[5].Parse<double>(), row[6].Parse<double>(), row[7].Parse<double>(), row[8].Parse<double>(), row[9].Parse<double>()));
        }

        return rows;
    }

    public static List<TextRow> SepTexts(string path)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var rows = new List<TextRow>();
        foreach (var row in reader)
        {
            rows.Add(new TextRow(row[0].Parse<int>(), row[1].ToString(), row[2].ToString(), row[3].Parse<double>()));
        }

        return rows;
    }

    public static void SepWriteWide(string path, IReadOnlyList<WideRow> rows)
    {
        using var writer = Sep.Writer().ToFile(path);
        foreach (var r in rows)
        {
            using var row = writer.NewRow();
            row["C0"].Format(r.C0);
            row["C1"].Format(r.C1);
            row["C2"].Format(r.C2);
            row["C3"].Format(r.C3);
            row["C4"].Format(r.C4);
            row["C5"].Format(r.C5);
            row["C6"].Format(r.C6);
            row["C7"].Format(r.C7);
            row["C8"].Format(r.C8);
            row["C9"].Format(r.C9);
        }
    }

    public static List<WideRow> SylvanWide(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var rows = new List<WideRow>();
        while (csv.Read())
        {
            rows.Add(new WideRow(csv.GetDouble(0), csv.GetDouble(1), csv.GetDouble(2), csv.GetDouble(3), csv.GetDouble(4),
                csv.GetDouble(5), csv.GetDouble(6), csv.GetDouble(7), csv.GetDouble(8), csv.GetDouble(9)));
        }

        return rows;
    }

    public static List<TextRow> SylvanTexts(string path)
    {
        using var csv = CsvDataReader.Create(path);
        var rows = new List<TextRow>();
        while (csv.Read())
        {
            rows.Add(new TextRow(csv.GetInt32(0), csv.GetString(1), csv.GetString(2), csv.GetDouble(3)));
        }

        return rows;
    }

    /// <summary>What each library says about a bad Score in record 3, whose line number is 5 (record 2 has a quoted newline).</summary>
    public static async Task<List<(string Library, string Message)>> BadValueMessagesAsync(string dir)
    {
        var path = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(path, "Id,Name,Note,Score\n1,a,plain,1.5\n2,b,\"two\nlines\",2.5\n3,c,plain,abc\n4,d,plain,4.5\n");
        var messages = new List<(string, string)>();
        try
        {
            await OursTextsAsync(path);
            messages.Add(("GoKart.NET", "no error"));
        }
        catch (InvalidDataException e)
        {
            messages.Add(("GoKart.NET", e.Message));
        }

        using (var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path))
        {
            foreach (var row in reader)
            {
                try
                {
                    _ = row[3].Parse<double>();
                }
                catch (Exception e)
                {
                    messages.Add(("Sep 0.17.1", $"{e.GetType().Name}: {e.Message} (the caller can read row.RowIndex = {row.RowIndex}, row.LineNumberFrom = {row.LineNumberFrom})"));
                }
            }
        }

        using (var csv = CsvDataReader.Create(path))
        {
            while (csv.Read())
            {
                try
                {
                    _ = csv.GetDouble(3);
                }
                catch (Exception e)
                {
                    messages.Add(("Sylvan 1.4.4", $"{e.GetType().Name}: {e.Message} (the caller can read csv.RowNumber = {csv.RowNumber})"));
                }
            }
        }

        return messages;
    }

    private static async Task<IReadOnlyList<T>> OursReadAsync<T>(string path)
    {
        var target = new Target(path);
        await using var stream = File.OpenRead(path);
        var value = await target.ResolveFormat(Registry).ReadAsync(stream, typeof(IReadOnlyList<T>), new FormatContext(path, target, Registry), CancellationToken.None);
        return (IReadOnlyList<T>)value!;
    }
}
