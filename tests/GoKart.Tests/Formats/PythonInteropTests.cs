using System.Numerics;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class PythonInteropTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "gokart-interop-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PythonReads_WhatGoKartWrote_ValuesExact()
    {
        IReadOnlyList<Row> rows = SampleRows.Make();
        foreach (var name in new[] { "rows.csv", "rows.tsv", "rows.ndjson", "rows.json", "rows.csv.gz" })
        {
            await FormatIO.WriteFileAsync(Path.Combine(_dir, name), rows);
        }

        await FormatIO.WriteFileAsync(Path.Combine(_dir, "sjis.csv"), (IReadOnlyList<Row>)[new Row(1, "日本語", 2, true, null)], new Target("x") { Encoding = TextEncodings.Get("cp932") });
        IReadOnlyList<Numeric> table = [new(1.5, 2.5f, 3, 4, true, "a"), new(double.NaN, -1, long.MinValue, int.MaxValue, false, "日本")];
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "table.npz"), table);
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "table_c.npz"), table, new Target("x") { FormatOptions = new TableFormatOptions { Compressed = true } });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "m.npy"), new double[2, 3] { { 1, 2, 3 }, { 4, 5, 0.1 } });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "i.npy"), new[] { int.MinValue, 0, int.MaxValue });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "b.npy"), new[] { true, false });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "u.npy"), new[] { ulong.MaxValue });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "h.npy"), new[] { (Half)0.5 });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "c.npy"), new[] { new Complex(1, -2) });
        await FormatIO.WriteFileAsync(Path.Combine(_dir, "nd.npy"), new NDArray<short>([2, 1, 3, 2], [.. Enumerable.Range(0, 12).Select(i => (short)i)]));
        await FormatIO.WriteFileAsync<IReadOnlyDictionary<string, Array>>(Path.Combine(_dir, "d.npz"), new Dictionary<string, Array> { ["x"] = new[] { 1L, 2L }, ["w"] = new float[2, 2] { { 1, 2 }, { 3, 4 } } });
        await FormatIO.WriteFileAsync<object>(Path.Combine(_dir, "v.pkl"), new Dictionary<string, object?>
        {
            ["none"] = null, ["bool"] = true, ["int"] = 42, ["neg"] = -70000, ["big"] = -BigInteger.Pow(2, 100), ["float"] = 0.1,
            ["str"] = "héllo", ["bytes"] = new byte[] { 0, 1, 255 }, ["list"] = new List<object?> { 1, "a", null },
            ["tuple"] = (1, "b"), ["set"] = new HashSet<string> { "x" }, ["nested"] = new Dictionary<string, object> { ["k"] = new object[] { 1.5, long.MaxValue } },
            ["long_str"] = new string('z', 300), ["many"] = Enumerable.Range(0, 2500).ToList(),
        });

        var output = await PythonProcess.RunAsync(ReadScript, _dir);
        Assert.Equal("ok 8", output.Trim());
    }

    [Fact]
    public async Task GoKartReads_WhatPythonWrote_ValuesExact()
    {
        await PythonProcess.RunAsync(WriteScript, _dir);
        var expected = new List<Row> { new(1, "plain", 1.5, true, 10), new(2, "comma, \"q\"\nline", -0.25, false, null), new(3, "日本語", 1e-10, true, 9007199254740993) };
        foreach (var name in new[] { "rows.csv", "rows.tsv", "rows.ndjson", "rows.json", "rows.csv.gz" })
        {
            SampleRows.AssertEqual(expected, await FormatIO.ReadFileAsync<IReadOnlyList<Row>>(Path.Combine(_dir, name)));
        }

        var nan = await FormatIO.ReadFileAsync<IReadOnlyList<Row>>(Path.Combine(_dir, "nan.csv"));
        Assert.True(double.IsNaN(nan[0].Score));
        Assert.Equal(string.Empty, nan[0].Name);
        var nanJson = await FormatIO.ReadFileAsync<IReadOnlyList<Row>>(Path.Combine(_dir, "nan.ndjson"));
        Assert.True(double.IsNaN(nanJson[0].Score));
        var sjis = await FormatIO.ReadFileAsync<IReadOnlyList<Row>>(Path.Combine(_dir, "sjis.csv"), new Target("x") { Encoding = TextEncodings.Get("cp932") });
        Assert.Equal("日本語", sjis[0].Name);

        Assert.Equal(new double[2, 3] { { 1, 2, 3 }, { 4, 5, 0.1 } }, await FormatIO.ReadFileAsync<double[,]>(Path.Combine(_dir, "m.npy")));
        Assert.Equal(new[] { int.MinValue, 0, int.MaxValue }, await FormatIO.ReadFileAsync<int[]>(Path.Combine(_dir, "i.npy")));
        Assert.Equal(new[] { true, false, true }, await FormatIO.ReadFileAsync<bool[]>(Path.Combine(_dir, "b.npy")));
        Assert.Equal(new ushort[] { 0, 65535 }, await FormatIO.ReadFileAsync<ushort[]>(Path.Combine(_dir, "u.npy")));
        Assert.Equal(new[] { (Half)0.5, Half.NegativeInfinity }, await FormatIO.ReadFileAsync<Half[]>(Path.Combine(_dir, "h.npy")));
        Assert.Equal(new[] { new Complex(1, -2) }, await FormatIO.ReadFileAsync<Complex[]>(Path.Combine(_dir, "c.npy")));
        var nd = await FormatIO.ReadFileAsync<NDArray<long>>(Path.Combine(_dir, "nd.npy"));
        Assert.Equal(new[] { 2, 1, 3, 2 }, nd.Shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), nd.Data);
        var big = await FormatIO.ReadFileAsync<float[]>(Path.Combine(_dir, "big.npy"));
        Assert.Equal(70000, big.Length);
        Assert.Equal(69999f, big[^1]);

        foreach (var name in new[] { "d.npz", "d_c.npz" })
        {
            var arrays = await FormatIO.ReadFileAsync<IReadOnlyDictionary<string, Array>>(Path.Combine(_dir, name));
            Assert.Equal(new[] { 1L, 2L }, arrays["x"]);
            Assert.Equal(new float[2, 2] { { 1, 2 }, { 3, 4 } }, arrays["w"]);
        }

        var table = await FormatIO.ReadFileAsync<IReadOnlyList<Numeric>>(Path.Combine(_dir, "table.npz"));
        Assert.Equal([new Numeric(1.5, 2.5f, 3, 4, true, "a"), new Numeric(-0.5, -1, long.MinValue, int.MaxValue, false, "日本")], table);

        foreach (var protocol in new[] { 0, 2, 3, 4, 5 })
        {
            var value = Assert.IsType<Dictionary<object, object?>>(await FormatIO.ReadFileAsync<object>(Path.Combine(_dir, $"p{protocol}.pkl")));
            Assert.Null(value["none"]);
            Assert.Equal(false, value["bool"]);
            Assert.Equal(-3L, value["int"]);
            Assert.Equal(BigInteger.Pow(2, 70), value["big"]);
            Assert.Equal(0.1, value["float"]);
            Assert.Equal("日本 é", value["str"]);
            Assert.Equal(new byte[] { 0, 200, 10 }, value["bytes"]);
            Assert.Equal(new List<object?> { 1L, 2.5, "x", null }, value["list"]);
            Assert.Equal(new object?[] { 1L, "t" }, value["tuple"]);
            Assert.Equal(["a"], Assert.IsType<HashSet<object?>>(value["set"]).ToList());
            Assert.Equal(2, Assert.IsType<HashSet<object?>>(value["frozen"]).Count);
            Assert.Equal(2000, Assert.IsType<List<object?>>(value["many"]).Count);
            var shared = Assert.IsType<List<object?>>(value["shared"]);
            Assert.Same(shared[0], shared[1]);
            Assert.Equal(new byte[] { 1, 2 }, value["bytearray"]);
        }

        var typed = await FormatIO.ReadFileAsync<Dictionary<string, List<double>>>(Path.Combine(_dir, "typed.pkl"));
        Assert.Equal(new List<double> { 1, 2.5 }, typed["a"]);
        var evil = await Assert.ThrowsAsync<InvalidDataException>(() => FormatIO.ReadFileAsync<object>(Path.Combine(_dir, "evil.pkl")));
        Assert.Contains("posix.system", evil.Message);
    }

    private const string ReadScript = """
        import sys, math, pickle, json
        import numpy as np, pandas as pd
        d = sys.argv[1]
        n = 0
        def rows(df):
            assert list(df.columns) == ["Id", "Name", "Score", "Flag", "Count"], list(df.columns)
            assert list(df.Id) == [1, 2, 3, 4, 5]
            names = [None if (isinstance(x, float) and math.isnan(x)) else x for x in df.Name]
            assert names == ["plain", 'comma, "quoted"\nnewline', "日本語テキスト", None, "tab\there"], names
            s = [float(x) for x in df.Score]
            assert s[0] == 1.5 and s[1] == -0.1 and math.isnan(s[2]) and s[3] == math.inf and s[4] == 1e-300, s
            assert [bool(x) for x in df.Flag] == [True, False, True, False, True]
        for name, kw in [("rows.csv", {}), ("rows.tsv", {"sep": "\t"}), ("rows.csv.gz", {})]:
            df = pd.read_csv(f"{d}/{name}", dtype={"Count": str}, **kw)
            rows(df)
            c = df.Count.tolist()
            assert c[0] == "10" and pd.isna(c[1]) and c[2:] == ["9223372036854775807", "-5", "0"], c
            n += 1
        for name, lines in [("rows.ndjson", True), ("rows.json", False)]:
            recs = [json.loads(l) for l in open(f"{d}/{name}", encoding="utf-8")] if lines else json.load(open(f"{d}/{name}", encoding="utf-8"))
            df = pd.DataFrame(recs)
            df["Name"] = [None if x == "" else x for x in df.Name]
            rows(df)
            assert [r["Count"] for r in recs] == [10, None, 9223372036854775807, -5, 0]
            n += 1
        sj = pd.read_csv(f"{d}/sjis.csv", encoding="cp932")
        assert sj.Name[0] == "日本語"
        for name in ["table.npz", "table_c.npz"]:
            z = np.load(f"{d}/{name}")
            df = pd.DataFrame({k: z[k] for k in z.files})
            assert list(df.columns) == ["A", "B", "C", "D", "E", "S"]
            assert [str(t) for t in df.dtypes] == ["float64", "float32", "int64", "int32", "bool", "object"], df.dtypes
            assert df.A[0] == 1.5 and math.isnan(df.A[1]) and df.B.tolist() == [2.5, -1.0]
            assert df.C.tolist() == [3, -9223372036854775808] and df.D.tolist() == [4, 2147483647] and df.E.tolist() == [True, False]
            assert z["S"].dtype == np.dtype("<U2") and df.S.tolist() == ["a", "日本"]
        n += 1
        m = np.load(f"{d}/m.npy")
        assert m.dtype == np.float64 and m.shape == (2, 3) and m.flags.c_contiguous and m.tolist() == [[1, 2, 3], [4, 5, 0.1]]
        assert np.load(f"{d}/i.npy").tolist() == [-2147483648, 0, 2147483647] and np.load(f"{d}/i.npy").dtype == np.int32
        assert np.load(f"{d}/b.npy").tolist() == [True, False] and np.load(f"{d}/b.npy").dtype == np.bool_
        assert np.load(f"{d}/u.npy").tolist() == [18446744073709551615]
        assert np.load(f"{d}/h.npy").dtype == np.float16 and np.load(f"{d}/h.npy").tolist() == [0.5]
        assert np.load(f"{d}/c.npy").tolist() == [1 - 2j]
        nd = np.load(f"{d}/nd.npy")
        assert nd.shape == (2, 1, 3, 2) and nd.dtype == np.int16 and nd[1, 0, 2, 1] == 11 and nd.ravel().tolist() == list(range(12))
        z = np.load(f"{d}/d.npz")
        assert sorted(z.files) == ["w", "x"] and z["x"].tolist() == [1, 2] and z["w"].dtype == np.float32 and z["w"].tolist() == [[1, 2], [3, 4]]
        n += 1
        v = pickle.load(open(f"{d}/v.pkl", "rb"))
        expected = {"none": None, "bool": True, "int": 42, "neg": -70000, "big": -2**100, "float": 0.1, "str": "héllo",
                    "bytes": b"\x00\x01\xff", "list": [1, "a", None], "tuple": (1, "b"), "set": {"x"},
                    "nested": {"k": [1.5, 9223372036854775807]}, "long_str": "z" * 300, "many": list(range(2500))}
        assert v == expected, v
        assert type(v["bool"]) is bool and type(v["tuple"]) is tuple and type(v["set"]) is set
        n += 1
        print("ok", n)
        """;

    private const string WriteScript = """
        import sys, pickle, os
        import numpy as np, pandas as pd
        d = sys.argv[1]
        os.makedirs(d, exist_ok=True)
        df = pd.DataFrame({"Id": [1, 2, 3], "Name": ["plain", 'comma, "q"\nline', "日本語"], "Score": [1.5, -0.25, 1e-10],
                           "Flag": [True, False, True], "Count": pd.array([10, None, 9007199254740993], dtype="Int64")})
        df.to_csv(f"{d}/rows.csv", index=False)
        df.to_csv(f"{d}/rows.tsv", index=False, sep="\t")
        df.to_csv(f"{d}/rows.csv.gz", index=False, compression="gzip")
        df.to_json(f"{d}/rows.ndjson", orient="records", lines=True, force_ascii=False, double_precision=15)
        df.to_json(f"{d}/rows.json", orient="records", double_precision=15)
        pd.DataFrame({"Id": [1], "Name": [""], "Score": [float("nan")], "Flag": [False], "Count": [1]}).to_csv(f"{d}/nan.csv", index=False)
        pd.DataFrame({"Id": [1], "Name": ["n"], "Score": [float("nan")], "Flag": [False], "Count": [1]}).to_json(f"{d}/nan.ndjson", orient="records", lines=True)
        pd.DataFrame({"Id": [1], "Name": ["日本語"], "Score": [1.0], "Flag": [True], "Count": [2]}).to_csv(f"{d}/sjis.csv", index=False, encoding="cp932")
        np.save(f"{d}/m.npy", np.array([[1, 2, 3], [4, 5, 0.1]]))
        np.save(f"{d}/i.npy", np.array([-2147483648, 0, 2147483647], dtype=np.int32))
        np.save(f"{d}/b.npy", np.array([True, False, True]))
        np.save(f"{d}/u.npy", np.array([0, 65535], dtype=np.uint16))
        np.save(f"{d}/h.npy", np.array([0.5, -np.inf], dtype=np.float16))
        np.save(f"{d}/c.npy", np.array([1 - 2j]))
        np.save(f"{d}/nd.npy", np.arange(12, dtype=np.int64).reshape(2, 1, 3, 2))
        np.save(f"{d}/big.npy", np.arange(70000, dtype=np.float32))
        np.savez(f"{d}/d.npz", x=np.array([1, 2], dtype=np.int64), w=np.array([[1, 2], [3, 4]], dtype=np.float32))
        np.savez_compressed(f"{d}/d_c.npz", x=np.array([1, 2], dtype=np.int64), w=np.array([[1, 2], [3, 4]], dtype=np.float32))
        t = pd.DataFrame({"A": [1.5, -0.5], "B": np.array([2.5, -1], dtype=np.float32), "C": [3, -9223372036854775808],
                          "D": np.array([4, 2147483647], dtype=np.int32), "E": [True, False], "S": ["a", "日本"]})
        np.savez(f"{d}/table.npz", **{c: (t[c].to_numpy().astype(str) if c == "S" else t[c].to_numpy()) for c in t.columns})
        shared = [1]
        value = {"none": None, "bool": False, "int": -3, "big": 2**70, "float": 0.1, "str": "日本 é", "bytes": bytes([0, 200, 10]),
                 "list": [1, 2.5, "x", None], "tuple": (1, "t"), "set": {"a"}, "frozen": frozenset([1, 2]),
                 "many": list(range(2000)), "shared": [shared, shared], "bytearray": bytearray([1, 2])}
        for p in [0, 2, 3, 4, 5]:
            with open(f"{d}/p{p}.pkl", "wb") as f:
                pickle.dump(value, f, protocol=p)
        pickle.dump({"a": [1, 2.5]}, open(f"{d}/typed.pkl", "wb"))
        pickle.dump(os.system, open(f"{d}/evil.pkl", "wb"), protocol=2)
        """;
}
