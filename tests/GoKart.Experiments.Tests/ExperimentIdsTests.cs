using GoKart.Experiments.Recording;

namespace GoKart.Experiments.Tests;

public sealed class ExperimentIdsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gokart-ids-" + Guid.NewGuid().ToString("N"));

    public ExperimentIdsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void CreateNext_ManyThreadsAtOnce_EachGetsItsOwnFolder()
    {
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => ids.Add(ExperimentIds.CreateNext(_directory, "RUNNING\n").Id));

        Assert.Equal(Enumerable.Range(1, 24).Select(i => i.ToString()), ids.OrderBy(int.Parse));
        Assert.All(ids, id => Assert.Equal("RUNNING\n", File.ReadAllText(Path.Combine(_directory, id, "STATUS"))));
        Assert.Equal(24, Directory.EnumerateDirectories(_directory).Count());
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("baseline-lr", true)]
    [InlineData("..", false)]
    [InlineData(".hidden", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void IsValid_Id_AcceptsSingleFolderNames(string id, bool expected)
    {
        Assert.Equal(expected, ExperimentIds.IsValid(id));
    }
}
