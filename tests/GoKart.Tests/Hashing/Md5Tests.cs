using System.Security.Cryptography;
using GoKart.Hashing;

namespace GoKart.Tests.Hashing;

public sealed class Md5Tests
{
    [Fact]
    public void HashData_EveryLengthAroundBlockBoundaries_MatchesPlatformMd5()
    {
        var random = new Random(7);
        for (var length = 0; length < 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var digest = new byte[16];
            Md5.HashData(data, digest);
#pragma warning disable CA5351
            Assert.Equal(MD5.HashData(data), digest);
#pragma warning restore CA5351
        }
    }
}
