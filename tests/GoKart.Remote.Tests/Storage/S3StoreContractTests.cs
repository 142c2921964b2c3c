using GoKart.Remote.Tests.Servers;
using GoKart.Storage;

namespace GoKart.Remote.Tests.Storage;

[Collection(RemoteCollection.Name)]
public sealed class S3StoreContractTests(MotoServer moto) : StoreContractTests
{
    protected override async Task<IWorkspaceStore> CreateStoreAsync()
    {
        var bucket = await moto.CreateBucketAsync();
        return moto.Provider().Open($"s3://{bucket}/work/space");
    }
}
