using System.Text;
using GoKart.Storage;
using GoKart.Tests.Support;

namespace GoKart.Tests.Storage;

/// <summary>How the local store's own file handles behave (issue 18: no advisory lock, truncate at open, no seeks).</summary>
public sealed class LocalFileHandlingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task OpenRead_TakesNoAdvisoryLock_SoAnExclusiveDotnetOpenStillSucceeds()
    {
        var store = new LocalFileStore(_dir.Path);
        await store.WriteSmallAsync("a.json", "123"u8.ToArray(), default);
        await using var reading = await store.OpenReadAsync("a.json", default);

        // .NET's FileShare.None takes flock(LOCK_EX | LOCK_NB): it fails while any .NET handle holds the shared lock
        // the old read path took.
        using var exclusive = new FileStream(_dir.Combine("a.json"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.Equal(3, exclusive.Length);
    }

    [Fact]
    public async Task WriteSmall_OverALongerFile_LeavesOnlyTheNewBytes()
    {
        var store = new LocalFileStore(_dir.Path);
        await store.WriteSmallAsync("log/x.json", Encoding.UTF8.GetBytes(new string('a', 5000)), default);
        await store.WriteSmallAsync("log/x.json", "{\"b\":1}"u8.ToArray(), default);

        Assert.Equal("{\"b\":1}", await File.ReadAllTextAsync(_dir.Combine("log/x.json")));
    }

    [Fact]
    public async Task PendingWrite_SeekAndOverwrite_KeepsPositionAndLengthRight()
    {
        var store = new LocalFileStore(_dir.Path);
        await using (var write = await store.BeginWriteAsync("out/t.bin", default))
        {
            var stream = write.Stream;
            Assert.True(stream.CanSeek && stream.CanWrite && !stream.CanRead);
            await stream.WriteAsync("0123456789"u8.ToArray());
            Assert.Equal(10, stream.Position);
            Assert.Equal(10, stream.Length);
            stream.Position = 2;
            stream.Write("ab"u8);
            Assert.Equal(4, stream.Position);
            Assert.Equal(10, stream.Length);
            stream.Seek(-1, SeekOrigin.End);
            stream.WriteByte((byte)'Z');
            stream.Seek(3, SeekOrigin.End);
            stream.Write("!"u8);
            Assert.Equal(14, stream.Length);
            stream.SetLength(12);
            Assert.Equal(12, stream.Length);
            await write.CommitAsync(default);
        }

        Assert.Equal("01ab45678Z\0\0"u8.ToArray(), await File.ReadAllBytesAsync(_dir.Combine("out/t.bin")));
    }

    [Fact]
    public async Task OpenRead_SeeksReadsAndCopiesFromTheRightOffsets()
    {
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        Directory.CreateDirectory(_dir.Combine("in"));
        await File.WriteAllBytesAsync(_dir.Combine("in/big.bin"), bytes);
        var store = new LocalFileStore(_dir.Path);

        await using var stream = await store.OpenReadAsync("in/big.bin", default);
        Assert.True(stream.CanRead && stream.CanSeek && !stream.CanWrite);
        Assert.Equal(bytes.Length, stream.Length);
        stream.Seek(-3, SeekOrigin.End);
        Assert.Equal(bytes[^3], stream.ReadByte());
        stream.Position = 100;
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(bytes[100..], copy.ToArray());
        Assert.Equal(-1, stream.ReadByte());
        Assert.Throws<NotSupportedException>(() => stream.Write([1]));
    }

    [Fact]
    public async Task OpenRead_DisposedStream_RefusesToRead()
    {
        var store = new LocalFileStore(_dir.Path);
        await store.WriteSmallAsync("a.json", "1"u8.ToArray(), default);
        var stream = await store.OpenReadAsync("a.json", default);
        await stream.DisposeAsync();

        Assert.ThrowsAny<ObjectDisposedException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task WriteSmall_IntoAFolderThatIsAFile_NamesThePath()
    {
        var store = new LocalFileStore(_dir.Path);
        await store.WriteSmallAsync("log", "x"u8.ToArray(), default);

        var error = await Assert.ThrowsAnyAsync<IOException>(async () => await store.WriteSmallAsync("log/a.json", "1"u8.ToArray(), default));
        Assert.Contains("log", error.Message, StringComparison.Ordinal);
    }
}
