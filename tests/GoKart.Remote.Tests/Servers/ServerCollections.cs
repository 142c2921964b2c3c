namespace GoKart.Remote.Tests.Servers;

/// <summary>Tests sharing one moto and one Redis server (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RemoteCollection : ICollectionFixture<MotoServer>, ICollectionFixture<RedisServer>
{
    public const string Name = "remote servers";
}
