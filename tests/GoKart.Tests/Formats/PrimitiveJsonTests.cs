using System.Text.Json;
using GoKart.Formats;

namespace GoKart.Tests.Formats;

public sealed class PrimitiveJsonTests
{
    public static TheoryData<object> Scalars => new()
    {
        "Hello, world!", "日本 <tag> \"q\" \n", 42, -7L, 0.1, 1e300, true,
        // Each character the default encoder escapes although it is printable ASCII, and the edges of the plain range.
        "a&b", "it's", "1+1", "<", ">", "`tick`", "back\\slash", "\u007f", "\u001f", " ~", string.Empty, "\ud83d\ude00",
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void TryWrite_Scalar_WritesExactlyWhatJsonSerializerWrites(object value)
    {
        using var stream = new MemoryStream();
        Assert.True(PrimitiveJson.TryWrite(stream, value));
        Assert.Equal(JsonSerializer.Serialize(value, value.GetType()), System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        Assert.True(PrimitiveJson.TryRead(stream.ToArray(), value.GetType(), out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void TryRead_NotAPlainScalar_DeclinesSoTheSerializerReportsIt()
    {
        Assert.False(PrimitiveJson.TryRead("\"text\""u8, typeof(int), out _));
        Assert.False(PrimitiveJson.TryRead("1 2"u8, typeof(int), out _));
        Assert.False(PrimitiveJson.TryWrite(new MemoryStream(), double.NaN));
    }
}
