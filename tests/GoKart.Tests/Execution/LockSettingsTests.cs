using GoKart.Locking;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class LockSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_ShouldLockRunWithoutLock_IsAConfigurationErrorAndWritesNothing()
    {
        var error = Assert.Throws<GoKartConfigurationException>(
            () => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = _dir.Path, ShouldLockRun = true }));

        Assert.StartsWith("should_lock_run is set but no lock is configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("redis_host", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_TaskWithShouldLockRunWithoutLock_IsAConfigurationErrorNamingTheTask()
    {
        var task = new LockedNumber();

        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(task, new BuildOptions { Workspace = _dir.Path }));

        Assert.StartsWith($"Task 'LockedNumber[{task.UniqueId}]' has [TaskOptions(ShouldLockRun = true)] but no lock is configured", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_LockAndLockLocation_IsAConfigurationError()
    {
        var options = new BuildOptions { Workspace = _dir.Path, Lock = new InProcessTaskLock(), LockLocation = "redis://h:1", LockProviders = [new RecordingProvider()] };

        var error = Assert.Throws<GoKartConfigurationException>(() => Kart.Build(new Number { Value = 1 }, options));

        Assert.Contains("'redis://h:1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("InProcessTaskLock", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_LockLocationWithoutProvider_IsAConfigurationErrorNamingTheScheme()
    {
        var error = Assert.Throws<GoKartConfigurationException>(
            () => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = _dir.Path, LockLocation = "redis://localhost:6379", ShouldLockRun = true }));

        Assert.StartsWith("No lock provider opens 'redis://' (lock location 'redis://localhost:6379'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RedisTaskLockProvider", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_ProviderRejectsLocation_IsAConfigurationErrorNamingIt()
    {
        var provider = new RecordingProvider { Reject = true };

        var error = Assert.Throws<GoKartConfigurationException>(
            () => Kart.Build(new Number { Value = 1 }, new BuildOptions { Workspace = _dir.Path, LockLocation = "redis://x", LockProviders = [provider] }));

        Assert.Equal("Lock location 'redis://x': no port", error.Message);
    }

    [Fact]
    public void Build_LockLocation_TakesRunLocksFromTheProvidersLockAndDisposesIt()
    {
        var provider = new RecordingProvider();
        var task = new Number { Value = 4 };

        Assert.Equal(4, Kart.Build(task, new BuildOptions { Workspace = _dir.Path, LockLocation = "redis://h:6379", LockProviders = [provider], ShouldLockRun = true }));

        Assert.Equal(["redis://h:6379"], provider.Opened);
        var opened = Assert.Single(provider.Locks);
        Assert.Contains($"Number_{task.UniqueId}-run", opened.Tried);
        Assert.True(opened.Disposed);
    }

    [TaskOptions(ShouldLockRun = true)]
    public sealed class LockedNumber : TaskOnKart<int>
    {
        protected override int Run() => 1;
    }

    internal sealed class RecordingProvider : ITaskLockProvider
    {
        public bool Reject { get; init; }

        public List<string> Opened { get; } = [];

        public List<RecordingLock> Locks { get; } = [];

        public bool CanOpen(string location) => location.StartsWith("redis://", StringComparison.Ordinal);

        public ITaskLock Open(string location)
        {
            if (Reject)
            {
                throw new ArgumentException("no port", nameof(location));
            }

            Opened.Add(location);
            var opened = new RecordingLock();
            Locks.Add(opened);
            return opened;
        }
    }

    internal sealed class RecordingLock : ITaskLock, IAsyncDisposable
    {
        private readonly InProcessTaskLock _inner = new();

        public System.Collections.Concurrent.ConcurrentBag<string> Tried { get; } = [];

        public bool Disposed { get; private set; }

        public ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) => _inner.AcquireAsync(key, cancellationToken);

        public ValueTask<IAsyncDisposable?> TryAcquireAsync(string key, CancellationToken cancellationToken)
        {
            Tried.Add(key);
            return _inner.TryAcquireAsync(key, cancellationToken);
        }

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
