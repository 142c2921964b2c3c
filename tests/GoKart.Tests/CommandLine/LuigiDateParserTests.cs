using GoKart.CommandLine;
using GoKart.Descriptors;
using GoKart.Hashing;
using GoKart.Tests.Hashing;

namespace GoKart.Tests.CommandLine;

public sealed class LuigiDateParserTests
{
    private static readonly TaskCatalog Catalog = new([typeof(LuigiDateParserTests).Assembly]);

    private static ParameterDescriptor Parameter(Type task, string name) =>
        TaskDescriptor.For(task).Parameters.Single(p => p.Name == name);

    private static object? Parse(Type task, string property, string text)
    {
        var parameter = Parameter(task, property);
        return new TaskConfigurator(Catalog, [], _ => null).Parser.Parse(text, parameter.Type, "--" + parameter.KebabName);
    }

    // Accepted texts are those of Python's strptime for luigi's formats: one-digit fields, either case of 'T'.
    [Theory]
    [InlineData("Month", "2024-05", "2024-05-01T00:00:00", "2024-05")]
    [InlineData("Month", "2024-5", "2024-05-01T00:00:00", "2024-05")]
    [InlineData("Year", "2024", "2024-01-01T00:00:00", "2024")]
    [InlineData("Hour", "2024-05-10T19", "2024-05-10T19:00:00", "2024-05-10T19")]
    [InlineData("Hour", "2024-5-1t7", "2024-05-01T07:00:00", "2024-05-01T07")]
    [InlineData("Minute", "2024-05-10T1907", "2024-05-10T19:07:00", "2024-05-10T1907")]
    [InlineData("Minute", "2024-05-10T19H07", "2024-05-10T19:07:00", "2024-05-10T1907")]
    public void Parse_LuigiText_GivesValueAndSerializesBack(string property, string text, string value, string serialized)
    {
        var parsed = Parse(typeof(GranularDates), property, text);

        var asDateTime = parsed is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)parsed!;
        Assert.Equal(DateTime.Parse(value, System.Globalization.CultureInfo.InvariantCulture), asDateTime);
        Assert.Equal(serialized, LuigiSerializer.Serialize(parsed, Parameter(typeof(GranularDates), property).Type));
    }

    [Theory]
    [InlineData("Month", "2024-05-10", "a month like 2024-05")]
    [InlineData("Month", "2024-13", "a month like 2024-05")]
    [InlineData("Year", "24", "a year like 2024")]
    [InlineData("Hour", "2024-05-10T1907", "a date and hour like 2024-05-10T19")]
    [InlineData("Minute", "2024-02-30T1907", "is not a date that exists")]
    public void Parse_BadText_ErrorNamesOptionAndForm(string property, string text, string reason)
    {
        var e = Assert.Throws<CommandLineException>(() => Parse(typeof(GranularDates), property, text));

        Assert.Contains("--" + Parameter(typeof(GranularDates), property).KebabName, e.Message, StringComparison.Ordinal);
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateInterval_AnyLuigiNotation() =>
        Assert.Equal(DateInterval.OfWeek(2009, 53), Parse(typeof(IntervalTask), "Period", "2009-W53"));

    [Fact]
    public void Parse_DateIntervalWeekThatDoesNotExist_SaysWhy()
    {
        var e = Assert.Throws<CommandLineException>(() => Parse(typeof(IntervalTask), "Period", "2023-W53"));

        Assert.Contains("--period", e.Message, StringComparison.Ordinal);
        Assert.Contains("2023 has no ISO week 53", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptor_GranularityOnWrongType_DefinitionErrorNamingParameter()
    {
        var e = Assert.Throws<TaskDefinitionException>(() => TaskDescriptor.For(typeof(WrongGranularity)));

        Assert.Contains("'When'", e.Message, StringComparison.Ordinal);
        Assert.Contains("needs a DateTime", e.Message, StringComparison.Ordinal);
    }

    private sealed class WrongGranularity : TaskOnKart<int>
    {
        [Parameter(Granularity = DateGranularity.Hour)]
        public DateOnly When { get; init; }

        protected override int Run() => 0;
    }
}
