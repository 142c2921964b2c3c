using System.Text.Encodings.Web;
using System.Text.Json;
using GoKart.Execution;

namespace GoKart.Tests.Execution;

/// <summary>The run logs' hand-written JSON is byte for byte what Utf8JsonWriter wrote before (indented, relaxed escaping).</summary>
public sealed class JsonScratchTests
{
    public static TheoryData<string> Texts => new()
    {
        "plain", string.Empty, "with \"quotes\" and \\ backslash", "tab\tnew\nline\r", "\u0001\u001f\u007f", "<html> & 'x' + `y`",
        "日本語", "emoji \ud83d\ude00", "lone \ud800 surrogate", "\u2028\u2029", "\ue000 private", "Outer+Inner", "C:\\path/to/file",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Document_WithText_IsWhatUtf8JsonWriterWrites(string text)
    {
        AssertSame(
            w =>
            {
                w.WriteString("task", text);
                w.WriteString(text, "as a name");
                w.WriteString("missing", null);
                w.WriteNumber("number", 0.1 + 0.2);
                w.WriteNumber("negative", long.MinValue);
                w.WriteNumber("positive", long.MaxValue);
                w.WriteNumber("zero", 0L);
                w.WriteStartArray("empty");
                w.WriteEndArray();
                w.WriteStartArray("entries");
                w.WriteStartObject();
                w.WriteString("message", text);
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("outputs");
                w.WriteString("output", text);
                w.WriteEndObject();
                w.WriteStartObject("nothing");
                w.WriteEndObject();
            },
            w =>
            {
                w.WriteString("task", text);
                w.WriteString(text, "as a name");
                w.WriteNull("missing");
                w.WriteNumber("number", 0.1 + 0.2);
                w.WriteNumber("negative", long.MinValue);
                w.WriteNumber("positive", long.MaxValue);
                w.WriteNumber("zero", 0L);
                w.WriteStartArray("empty");
                w.WriteEndArray();
                w.WriteStartArray("entries");
                w.WriteStartObject();
                w.WriteString("message", text);
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteStartObject("outputs");
                w.WriteString("output", text);
                w.WriteEndObject();
                w.WriteStartObject("nothing");
                w.WriteEndObject();
            });
    }

    [Fact]
    public void EmptyDocument_IsTwoBraces() => AssertSame(_ => { }, _ => { });

    [Fact]
    public void WriteSeconds_IsWhatWriteNumberOfTotalSecondsWrites()
    {
        var random = new Random(18);
        var ticks = new List<long> { 0, 1, 9, 99, 100, 999, 1000, 1001, 1234, 10_000, 99_999, 100_000, 9_999_999, 10_000_000, 10_000_001, 123_456_789,
            TimeSpan.TicksPerDay, 999_999_999_999_999, 1_000_000_000_000_000, TimeSpan.MaxValue.Ticks, -1, -10_000_000, TimeSpan.MinValue.Ticks };
        for (var i = 0; i < 20_000; i++)
        {
            // Log-uniform from 1 tick to about 30 years, so that every digit count is covered.
            ticks.Add((long)Math.Pow(10, random.NextDouble() * 16));
        }

        var scratch = new JsonScratch();
        foreach (var t in ticks)
        {
            var elapsed = TimeSpan.FromTicks(t);
            scratch.Start().WriteSeconds("processing_time", elapsed);
            var ours = System.Text.Encoding.UTF8.GetString(scratch.Finish().Span);
            var theirs = WithWriter(w => w.WriteNumber("processing_time", elapsed.TotalSeconds));
            Assert.True(theirs == ours, $"{t} ticks: {ours} instead of {theirs}");
        }
    }

    [Fact]
    public void NonFiniteNumber_IsRefusedAsUtf8JsonWriterRefusesIt()
    {
        var scratch = new JsonScratch().Start();
        Assert.Throws<ArgumentException>(() => scratch.WriteNumber("x", double.NaN));
        Assert.Throws<ArgumentException>(() => WithWriter(w => w.WriteNumber("x", double.NaN)));
    }

    [Fact]
    public void IsoTime_IsTheRoundTripFormat()
    {
        var random = new Random(3);
        var times = new List<DateTimeOffset> { DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2026, 12, 3, 7, 8, 2, TimeSpan.Zero), new(999, 1, 2, 3, 4, 5, TimeSpan.FromHours(-9.5)) };
        for (var i = 0; i < 2_000; i++)
        {
            var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1));
            var clock = new DateTime(random.NextInt64(TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay));
            times.Add(new DateTimeOffset(clock, offset));
        }

        foreach (var time in times)
        {
            Assert.Equal(time.ToString("o", System.Globalization.CultureInfo.InvariantCulture), IsoTime.Format(time));
        }
    }

    [Fact]
    public void Scratch_ReusedForManyDocuments_StartsEachAfresh()
    {
        var scratch = new JsonScratch();
        scratch.Start().WriteString("first", new string('x', 5000));
        scratch.Finish();
        scratch.Start().WriteNumber("second", 2L);
        Assert.Equal(WithWriter(w => w.WriteNumber("second", 2L)), System.Text.Encoding.UTF8.GetString(scratch.Finish().Span));
    }

    private static void AssertSame(Action<JsonScratch> ours, Action<Utf8JsonWriter> theirs)
    {
        using var scratch = new JsonScratch();
        ours(scratch.Start());
        Assert.Equal(WithWriter(theirs), System.Text.Encoding.UTF8.GetString(scratch.Finish().Span));
    }

    private static string WithWriter(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
