using System.Globalization;
using System.Numerics;
using System.Text.Json;
using GoKart.Storage;
using GoKart.Tests.Hashing;

namespace GoKart.Tests.Execution;

public sealed class SeedTests
{
    /// <summary>gokart's formula, <c>int(unique_id, 16) % (2**32 - 1)</c>, in arbitrary precision.</summary>
    public static long GokartSeed(string id) =>
        (long)(BigInteger.Parse("0" + id, NumberStyles.HexNumber, CultureInfo.InvariantCulture) % (BigInteger.Pow(2, 32) - 1));

    [Theory]
    [InlineData("8441c59b5ce0113396d53509f19371fb")]
    [InlineData("ffffffffffffffffffffffffffffffff")]
    [InlineData("fffffffefffffffefffffffefffffffe")]
    [InlineData("00000000000000000000000000000001")]
    [InlineData("0123456789ABCDEFabcdef0123456789")]
    public void SeedFromId_IsTheIdAsANumberModulo2To32Minus1(string id) =>
        Assert.Equal(GokartSeed(id), GoKart.Execution.RunContext.SeedFromId(id));

    [Fact]
    public async Task Build_Example_RecordsTheSeedGokartDocuments()
    {
        var store = new InMemoryStore();
        var task = new Example();

        Kart.Build(task, new BuildOptions { Store = store });

        Assert.Equal("8441c59b5ce0113396d53509f19371fb", task.UniqueId);
        await using var log = await store.OpenReadAsync("log/random_seed/Example_8441c59b5ce0113396d53509f19371fb.json", CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(log);
        Assert.Equal(1770683860L, json.RootElement.GetProperty("random_seed").GetInt64());
    }
}
