using System.Numerics;
using System.Text.Json;
using GoKart.Descriptors;
using GoKart.Tests.Support;

namespace GoKart.Tests.Descriptors;

public enum Mode
{
    Fast,
    Careful,
}

public sealed class EveryType : TaskOnKart<int>
{
    public string S { get; init; } = "s";
    public bool B { get; init; } = true;
    public sbyte I8 { get; init; } = -8;
    public byte U8 { get; init; } = 8;
    public short I16 { get; init; } = -16;
    public ushort U16 { get; init; } = 16;
    public int I32 { get; init; } = -32;
    public uint U32 { get; init; } = 32;
    public long I64 { get; init; } = -64;
    public ulong U64 { get; init; } = 64;
    public BigInteger Big { get; init; } = BigInteger.Pow(10, 30);
    public float F32 { get; init; } = 0.25f;
    public double F64 { get; init; } = 1e-7;
    public decimal Money { get; init; } = 12.50m;
    public Mode Mode { get; init; } = Mode.Careful;
    public DateOnly Day { get; init; } = new(2024, 2, 29);
    public DateTime At { get; init; } = new(2024, 2, 29, 23, 59, 58, 500);
    public DateTimeOffset When { get; init; } = new(2024, 2, 29, 12, 0, 0, TimeSpan.FromHours(9));
    public TimeSpan Span { get; init; } = TimeSpan.FromDays(9) + TimeSpan.FromSeconds(61);
    public int? Maybe { get; init; }
    public int[] Ints { get; init; } = [1, 2];
    public List<string> Names { get; init; } = ["a", "b"];
    public IReadOnlyList<double> Weights { get; init; } = [0.5];
    public Dictionary<string, double> Rates { get; init; } = new() { ["x"] = 1.0 };
    public IReadOnlyDictionary<int, bool> Flags { get; init; } = new Dictionary<int, bool> { [3] = true };

    protected override int Run() => 0;
}

public sealed class ParameterTypeTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Descriptor_EveryListedType_IsAParameterInDeclarationOrder()
    {
        var descriptor = TaskDescriptor.For(typeof(EveryType));

        Assert.Same(descriptor, TaskDescriptor.For(typeof(EveryType)));
        Assert.Equal(
            ["s", "b", "i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "big", "f32", "f64", "money", "mode", "day", "at", "when", "span", "maybe", "ints", "names", "weights", "rates", "flags"],
            descriptor.Parameters.Select(p => p.SnakeName));
    }

    [Fact]
    public void TaskParams_EveryListedType_SerializesAsLuigiDoes()
    {
        var task = new EveryType();
        Kart.Build(task, new BuildOptions { Workspace = _dir.Path });

        var json = JsonDocument.Parse(File.ReadAllText(_dir.Combine($"log/task_params/EveryType_{task.UniqueId}.json"))).RootElement;
        var expected = new Dictionary<string, string>
        {
            ["s"] = "s", ["b"] = "True", ["i8"] = "-8", ["u64"] = "64", ["big"] = "1000000000000000000000000000000",
            ["f32"] = "0.25", ["f64"] = "1e-07", ["money"] = "12.50", ["mode"] = "Careful", ["day"] = "2024-02-29",
            ["at"] = "2024-02-29T235958.5", ["when"] = "2024-02-29T12:00:00+09:00", ["span"] = "1 w 2 d 0 h 1 m 1 s",
            ["maybe"] = "None", ["ints"] = "[1, 2]", ["names"] = "[\"a\", \"b\"]", ["weights"] = "[0.5]",
            ["rates"] = "{\"x\": 1.0}", ["flags"] = "{\"3\": true}",
        };
        foreach (var (name, value) in expected)
        {
            Assert.Equal(value, json.GetProperty(name).GetString());
        }
    }

    [Fact]
    public void For_UnsupportedTypes_ReturnsNull()
    {
        Assert.Null(ParameterType.For(typeof(Stream)));
        Assert.Null(ParameterType.For(typeof(object)));
        Assert.Null(ParameterType.For(typeof(int[,])));
        Assert.Null(ParameterType.For(typeof(Dictionary<string, Stream>)));
    }
}
