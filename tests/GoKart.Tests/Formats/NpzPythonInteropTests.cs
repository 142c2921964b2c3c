using System.Numerics;

namespace GoKart.Tests.Formats;

public sealed record PandasRow(DateTime? When, int? Count, bool Flag, string Name, TimeSpan Took);

/// <summary>.npz tables with dates, nullable numbers and text columns, against numpy and pandas.</summary>
public sealed class NpzPythonInteropTests : IDisposable
{
    private static readonly Guid SomeId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gokart-npz-interop-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task PandasReads_WhatGoKartWrote_DtypesAndValuesExact()
    {
        // pandas 1.x turns datetime64[D] into [ns], so DateOnly(1, 1, 1) would overflow it: keep dates in its range.
        var full = NpzTableColumnsTests.Full with { MaybeDay = new DateOnly(1999, 12, 31) };
        var nulls = NpzTableColumnsTests.Nulls with { MaybeDay = null };
        var path = Path.Combine(_dir, "e.npz");
        await FormatIO.WriteFileAsync<IReadOnlyList<Everything>>(path, [full, nulls]);

        var output = await PythonProcess.RunAsync(ReadScript, path);

        Assert.Equal("ok", output.Trim());
    }

    [Fact]
    public async Task GoKartReads_WhatNumpyWrote_AnyTimeUnit_Exact()
    {
        Directory.CreateDirectory(_dir);
        await PythonProcess.RunAsync(WriteScript, _dir);

        var rows = await FormatIO.ReadFileAsync<IReadOnlyList<Everything>>(Path.Combine(_dir, "np.npz"));

        var epoch = DateTime.UnixEpoch;
        Everything[] expected =
        [
            new(
                new DateTime(2024, 2, 29, 13, 45, 12, 345), new DateTime(2024, 2, 29, 13, 45, 12, 345, 678),
                new DateTimeOffset(2024, 2, 29, 13, 45, 12, TimeSpan.Zero), new DateTimeOffset(epoch.AddTicks(17_092_143_123_456_789), TimeSpan.Zero),
                new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29), TimeSpan.FromMilliseconds(1500), TimeSpan.FromMicroseconds(1),
                new TimeOnly(1, 0), new TimeOnly(TimeSpan.TicksPerDay - 1),
                1.5, -2.25f, (Half)0.5, 3, 1L << 62, 255, ulong.MaxValue, true,
                Shade.Green, Shade.Blue, SomeId, Guid.Empty, 1.10m, -0.5m, BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture), 'é',
                "日本", "n", 0.1),
            new(
                new DateTime(1900, 1, 1, 0, 0, 0, 1), null, new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero), null,
                new DateOnly(1, 1, 1), null, TimeSpan.FromMilliseconds(-2), null, TimeOnly.MinValue, null,
                null, null, null, null, -1, 0, 0, false,
                Shade.Red, null, Guid.Empty, null, 0m, null, BigInteger.MinusOne, 'a',
                string.Empty, string.Empty, double.NegativeInfinity),
        ];
        Assert.Equal(expected, rows);
        Assert.Equal("1.10", rows[0].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var pandas = await FormatIO.ReadFileAsync<IReadOnlyList<PandasRow>>(Path.Combine(_dir, "pd.npz"));
        Assert.Equal(
            [
                new PandasRow(new DateTime(2024, 2, 29, 13, 45, 12, 345, 678).AddTicks(9), 1, true, "a", TimeSpan.FromHours(1)),
                new PandasRow(null, null, false, "日本", TimeSpan.FromTicks(-1)),
            ],
            pandas);
    }

    private const string ReadScript = """
        import sys, math
        from decimal import Decimal
        import numpy as np, pandas as pd
        z = np.load(sys.argv[1])
        df = pd.DataFrame(dict(z))
        t = {c: str(x) for c, x in df.dtypes.items()}
        for c in ["When", "MaybeWhen", "At", "MaybeAt", "Day", "MaybeDay"]:
            assert t[c] == "datetime64[ns]", (c, t[c])
        assert z["Day"].dtype == np.dtype("<M8[D]") and z["When"].dtype == np.dtype("<M8[ns]")
        for c in ["Took", "MaybeTook", "Clock", "MaybeClock"]:
            assert t[c] == "timedelta64[ns]", (c, t[c])
        for c in ["Score", "Count", "Big", "Small", "Unsigned", "Flag", "Plain"]:
            assert t[c] == "float64", (c, t[c])
        assert t["Ratio"] == "float32" and t["Tiny"] == "float16", t
        for c in ["Shade", "MaybeShade", "Id", "MaybeId", "Price", "MaybePrice", "Huge", "Letter", "Name", "Note"]:
            assert t[c] == "object" and z[c].dtype.kind == "U", (c, t[c])

        assert df.When[0].value == 1709214312345678900 and str(df.When[0]) == "2024-02-29 13:45:12.345678900", df.When[0]
        assert df.MaybeWhen[0].value == 0 and pd.isna(df.MaybeWhen[1])
        assert str(df.At[0]) == "2024-02-29 13:45:12" and df.MaybeAt[0].value == -1_000_000_000 and pd.isna(df.MaybeAt[1])
        assert str(df.Day[0]) == "2024-02-29 00:00:00" and str(df.MaybeDay[0]) == "1999-12-31 00:00:00" and pd.isna(df.MaybeDay[1])
        assert df.Took[0].value == 93784000000500 and df.MaybeTook[0].value == -1500000 and pd.isna(df.MaybeTook[1])
        assert df.Clock[0].value == 86399999999000 and df.MaybeClock[0].value == 0 and pd.isna(df.MaybeClock[1])
        assert df.Score[0] == 1.5 and math.isnan(df.Score[1])
        assert df.Ratio[0] == -2.25 and math.isnan(df.Ratio[1]) and df.Tiny[0] == 0.5 and math.isnan(df.Tiny[1])
        assert df.Count[0] == -2147483648 and math.isnan(df.Count[1])
        assert df.Big.tolist() == [2.0 ** 53, -(2.0 ** 53)]
        assert df.Small[0] == 255 and math.isnan(df.Small[1]) and df.Unsigned[0] == 2 ** 53 and math.isnan(df.Unsigned[1])
        assert df.Flag[0] == 1.0 and math.isnan(df.Flag[1])
        assert df.Shade.tolist() == ["Blue", "Blue"] and df.MaybeShade.tolist() == ["Red", ""]
        assert df.Id.tolist() == ["0f8fad5b-d9cb-469f-a165-70867728950e"] * 2
        assert df.MaybeId.tolist() == ["00000000-0000-0000-0000-000000000000", ""]
        assert [Decimal(x) for x in df.Price] == [Decimal("1.10")] * 2 and str(Decimal(df.Price[0])) == "1.10"
        assert df.MaybePrice.tolist() == ["79228162514264337593543950335", ""]
        assert int(df.Huge[0]) == 10 ** 40 + 1 and df.Letter.tolist() == ["é", "é"]
        assert df.Name.tolist() == ["日本", "日本"] and df.Note.tolist() == ["note", ""]
        assert math.isnan(df.Plain[0])
        print("ok")
        """;

    private const string WriteScript = """
        import sys
        import numpy as np, pandas as pd
        d = sys.argv[1]
        nan = float("nan")
        np.savez(f"{d}/np.npz",
            When=np.array(["2024-02-29T13:45:12.345", "1900-01-01T00:00:00.001"], dtype="datetime64[ms]"),
            MaybeWhen=np.array(["2024-02-29T13:45:12.345678", "NaT"], dtype="datetime64[us]"),
            At=np.array(["2024-02-29T13:45:12", "1969-12-31T23:59:59"], dtype="datetime64[s]"),
            MaybeAt=np.array([1709214312345678900, "NaT"], dtype="datetime64[ns]"),
            Day=np.array(["2024-02-29", "0001-01-01"], dtype="datetime64[D]"),
            MaybeDay=np.array(["2024-02-29", "NaT"], dtype="datetime64[D]"),
            Took=np.array([1500, -2], dtype="timedelta64[ms]"),
            MaybeTook=np.array([1, "NaT"], dtype="timedelta64[us]"),
            Clock=np.array([3600, 0], dtype="timedelta64[s]"),
            MaybeClock=np.array([86399999999900, "NaT"], dtype="timedelta64[ns]"),
            Score=np.array([1.5, nan]), Ratio=np.array([-2.25, nan], dtype=np.float32), Tiny=np.array([0.5, nan], dtype=np.float16),
            Count=np.array([3, nan]), Big=np.array([2 ** 62, -1], dtype=np.int64), Small=np.array([255, 0], dtype=np.uint8),
            Unsigned=np.array([2 ** 64 - 1, 0], dtype=np.uint64), Flag=np.array([True, False]),
            Shade=np.array(["Green", "Red"]), MaybeShade=np.array(["Blue", ""]),
            Id=np.array(["0f8fad5b-d9cb-469f-a165-70867728950e", "00000000-0000-0000-0000-000000000000"]),
            MaybeId=np.array(["00000000-0000-0000-0000-000000000000", ""]),
            Price=np.array(["1.10", "0"]), MaybePrice=np.array(["-0.5", ""]), Huge=np.array(["123456789012345678901234567890", "-1"]),
            Letter=np.array(["é", "a"]), Name=np.array(["日本", ""]), Note=np.array(["n", ""]), Plain=np.array([0.1, -np.inf]))
        df = pd.DataFrame({"When": pd.to_datetime(["2024-02-29 13:45:12.345678900", None]), "Count": [1, None], "Flag": [True, False],
                           "Name": ["a", "日本"], "Took": pd.to_timedelta(["1h", "-100ns"])})
        assert str(df.Count.dtype) == "float64" and str(df.When.dtype) == "datetime64[ns]"
        np.savez(f"{d}/pd.npz", **{c: (df[c].to_numpy().astype(str) if df[c].dtype == object else df[c].to_numpy()) for c in df.columns})
        """;
}
