namespace GoKart.Remote.Tests.Servers;

/// <summary>Tests sharing one moto and one Redis server (run one after another).</summary>
[CollectionDefinition(Name)]
public sealed class RemoteCollection : ICollectionFixture<MotoServer>, ICollectionFixture<RedisServer>
{
    public const string Name = "remote servers";
}

/// <summary>
/// Tests that start their own servers and kill them mid-build: run alone, after the parallel collections,
/// so that their time bounds do not depend on what else the machine is doing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerKillingCollection
{
    public const string Name = "servers killed mid-build";
}
