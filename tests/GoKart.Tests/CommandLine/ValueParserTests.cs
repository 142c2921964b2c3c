using GoKart.CommandLine;
using GoKart.Descriptors;
using GoKart.Hashing;

namespace GoKart.Tests.CommandLine;

public sealed class ValueParserTests
{
    private static readonly TaskCatalog Catalog = new([typeof(ValueParserTests).Assembly]);

    private static object? Parse(string property, string text)
    {
        var factory = new TaskConfigurator(Catalog, [], _ => null);
        var parameter = TaskDescriptor.For(typeof(CliTypes)).Parameters.Single(p => p.Name == property);
        return factory.Parser.Parse(text, parameter.Type, "--" + parameter.KebabName);
    }

    [Theory]
    [InlineData("Name", "hello world", "hello world")]
    [InlineData("Flag", "True", "True")]
    [InlineData("Flag", "false", "False")]
    [InlineData("Big", "-9000000000", "-9000000000")]
    [InlineData("Ratio", "0.25", "0.25")]
    [InlineData("Rate", "1e-3", "0.001")]
    [InlineData("Price", "12.50", "12.50")]
    [InlineData("Color", "green", "Green")]
    [InlineData("Day", "2024-02-29", "2024-02-29")]
    [InlineData("When", "2024-01-02T030405", "2024-01-02T030405")]
    [InlineData("When", "2024-01-02T03:04:05", "2024-01-02T030405")]
    [InlineData("At", "2024-01-02T03:04:05+09:00", "2024-01-02T03:04:05+09:00")]
    [InlineData("Wait", "1 w 2 d 3 h 4 m 5 s", "1 w 2 d 3 h 4 m 5 s")]
    [InlineData("Wait", "P1DT2H", "0 w 1 d 2 h 0 m 0 s")]
    [InlineData("Wait", "01:30:00", "0 w 0 d 1 h 30 m 0 s")]
    [InlineData("Id", "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    [InlineData("Maybe", "None", "None")]
    [InlineData("Maybe", "4", "4")]
    [InlineData("Numbers", "[1, 2, 3]", "[1, 2, 3]")]
    [InlineData("Numbers", "1,2,3", "[1, 2, 3]")]
    [InlineData("Numbers", "", "[]")]
    [InlineData("Words", "[\"a b\", \"c\"]", "[\"a b\", \"c\"]")]
    [InlineData("Values", "[0.5, 2]", "[0.5, 2.0]")]
    [InlineData("Counts", "{\"x\": 1, \"y\": 2}", "{\"x\": 1, \"y\": 2}")]
    [InlineData("Groups", "{\"a\": [1, 2], \"b\": []}", "{\"a\": [1, 2], \"b\": []}")]
    public void Parse_EverySupportedType_GivesTheValueLuigiWouldSerialize(string property, string text, string serialized)
    {
        var parameter = TaskDescriptor.For(typeof(CliTypes)).Parameters.Single(p => p.Name == property);

        var value = Parse(property, text);

        Assert.Equal(serialized, LuigiSerializer.Serialize(value, parameter.Type));
        if (value is not null)
        {
            Assert.True(parameter.Type.ClrType.IsInstanceOfType(value));
        }
    }

    [Fact]
    public void Parse_SerializedValue_RoundTrips()
    {
        var task = new CliTypes { Wait = new TimeSpan(3, 4, 5, 6), When = new DateTime(2020, 5, 6, 7, 8, 9), Rate = 1.0 / 3 };
        foreach (var parameter in task.Descriptor.Parameters.Where(p => p.Type.Kind is not (ParameterKind.Dictionary or ParameterKind.List)))
        {
            var text = LuigiSerializer.Serialize(parameter.GetValue(task), parameter.Type);

            var parsed = Parse(parameter.Name, text);

            Assert.Equal(text, LuigiSerializer.Serialize(parsed, parameter.Type));
        }
    }

    [Fact]
    public void Parse_TaskAsJson_CreatesTaskWithParameters()
    {
        var factory = new TaskConfigurator(Catalog, [], _ => null);
        var parameter = TaskDescriptor.For(typeof(CliHolder)).Parameters.Single(p => p.Name == "More");

        var value = factory.Parser.Parse("""[{"type": "CliTypes", "params": {"name": "x", "big": 3, "words": ["a"]}}]""", parameter.Type, "--more");

        var task = Assert.IsType<CliTypes>(Assert.Single((IReadOnlyList<TaskOnKart<string>>)value!));
        Assert.Equal(new CliTypes { Name = "x", Big = 3, Words = ["a"] }.UniqueId, task.UniqueId);
    }

    [Fact]
    public void Parse_TaskByNameOnly_CreatesDefaultTask()
    {
        var factory = new TaskConfigurator(Catalog, [], _ => null);
        var parameter = TaskDescriptor.For(typeof(CliHolder)).Parameters.Single(p => p.Name == "Inner");

        var value = factory.Parser.Parse("CliTypes", parameter.Type, "--inner");

        Assert.Equal(new CliTypes().UniqueId, Assert.IsType<CliTypes>(value).UniqueId);
    }
}
