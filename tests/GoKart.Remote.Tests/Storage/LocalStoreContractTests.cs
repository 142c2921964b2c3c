using GoKart.Storage;

namespace GoKart.Remote.Tests.Storage;

public sealed class LocalFileStoreContractTests : StoreContractTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("gokart-store-").FullName;

    protected override Task<IWorkspaceStore> CreateStoreAsync() => Task.FromResult<IWorkspaceStore>(new LocalFileStore(_root));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override Task<IWorkspaceStore> CreateStoreAsync() => Task.FromResult<IWorkspaceStore>(new InMemoryStore());
}
