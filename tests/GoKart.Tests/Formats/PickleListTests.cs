namespace GoKart.Tests.Formats;

/// <summary>Python lists read from pickles: floats kept unboxed for typed targets, objects otherwise, identity kept.</summary>
public sealed class PickleListTests
{
    [Fact]
    public async Task Read_ListThatHoldsItself_AsObject_IsOneListReferringToItself()
    {
        // Python: a = [1.5]; a.append(a); pickle.dumps(a, 2)
        var list = Assert.IsType<List<object?>>(await FormatIO.ReadAsync<object>("a.pkl", Convert.FromHexString("80025d710028473ff80000000000006800652e")));

        Assert.Equal(1.5, list[0]);
        Assert.Same(list, list[1]);
    }

    [Fact]
    public async Task Read_ListSharedByTwoKeys_AsObjectValues_StaysOneList()
    {
        // Python: s = [0.5, 2.0]; pickle.dumps({'x': s, 'y': s}, 4)
        var bytes = Convert.FromHexString("80049525000000000000007d94288c0178945d9428473fe0000000000000474000000000000000658c0179946802752e");

        var dict = await FormatIO.ReadAsync<Dictionary<string, object>>("d.pkl", bytes);

        var x = Assert.IsType<List<object?>>(dict["x"]);
        Assert.Same(x, dict["y"]);
        Assert.Equal(new object?[] { 0.5, 2.0 }, x);
    }

    [Fact]
    public async Task Read_FloatsThenAnInt_AsObjectKeepsTypes_AsDoublesConverts()
    {
        // Python: pickle.dumps([0.5, 3, 2.5], 4): the int turns the float list into an object list midway.
        var bytes = Convert.FromHexString("80049519000000000000005d9428473fe00000000000004b03474004000000000000652e");

        var objects = await FormatIO.ReadAsync<object>("m.pkl", bytes) as List<object?>;
        var doubles = await FormatIO.ReadAsync<double[]>("m.pkl", bytes);

        Assert.Equal(new object?[] { 0.5, 3L, 2.5 }, objects);
        Assert.Equal(new[] { 0.5, 3.0, 2.5 }, doubles);
    }

    [Fact]
    public async Task RoundTrip_LargeFloatColumns_AsDoubleArraysAndLists_AreExact()
    {
        var random = new Random(7);
        var columns = new Dictionary<string, double[]>
        {
            ["a"] = [.. Enumerable.Range(0, 250_000).Select(_ => random.NextDouble() * 1e6)],
            ["b"] = [double.NaN, double.PositiveInfinity, -0.0, double.Epsilon, double.MaxValue],
        };
        var bytes = await FormatIO.WriteAsync<IReadOnlyDictionary<string, double[]>>("c.pkl", columns);

        var arrays = await FormatIO.ReadAsync<IReadOnlyDictionary<string, double[]>>("c.pkl", bytes);
        var lists = await FormatIO.ReadAsync<Dictionary<string, List<double>>>("c.pkl", bytes);
        var floats = await FormatIO.ReadAsync<Dictionary<string, float[]>>("c.pkl", bytes);

        foreach (var (name, values) in columns)
        {
            Assert.Equal(values, arrays[name]);
            Assert.Equal(values, lists[name]);
            Assert.Equal(values.Select(v => (float)v), floats[name]);
        }
    }

    [Fact]
    public async Task Read_LargeFloatListsWrittenByPython_AllProtocols_AreExact()
    {
        var dir = Path.Combine(Path.GetTempPath(), "gokart-pkl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            // Frames (protocol 4+) cut float runs at arbitrary points; mixed lists leave the float path midway.
            await PythonProcess.RunAsync(
                """
                import pickle, random, sys
                random.seed(3)
                floats = [random.random() * 10 ** random.randint(-300, 300) for _ in range(30000)]
                mixed = floats[:5000] + [7] + floats[:5000]
                for protocol in (2, 3, 4, 5):
                    with open(f"{sys.argv[1]}/p{protocol}.pkl", "wb") as f:
                        pickle.dump({"floats": floats, "mixed": mixed}, f, protocol=protocol)
                with open(f"{sys.argv[1]}/expected.txt", "w") as f:
                    f.write("\n".join(repr(x) for x in floats))
                """,
                dir);
            var expected = File.ReadAllLines(Path.Combine(dir, "expected.txt")).Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

            foreach (var protocol in new[] { 2, 3, 4, 5 })
            {
                var values = await FormatIO.ReadFileAsync<Dictionary<string, double[]>>(Path.Combine(dir, $"p{protocol}.pkl"));
                Assert.Equal(expected, values["floats"]);
                Assert.Equal([.. expected[..5000], 7.0, .. expected[..5000]], values["mixed"]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
