namespace GoKart.Experiments.Tests;

public sealed class ExperimentCatalogTests : IDisposable
{
    private readonly TempGitRepo _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void Load_CorruptFolder_ReportedAndOthersRead()
    {
        for (var i = 0; i < 2; i++)
        {
            using var experiment = new Experiment(_repo.Options(), new Dictionary<string, object?> { ["i"] = i });
            experiment.Summary(new() { ["loss"] = 1.0 / (i + 1) });
        }

        File.WriteAllText(_repo.Experiment("1", "metadata.json"), "{ not json");
        Directory.CreateDirectory(Path.Combine(_repo.ExperimentsPath, "stray"));

        var catalog = ExperimentCatalog.Load(_repo.ExperimentsPath);

        Assert.Equal(["2"], catalog.Experiments.Select(e => e.Id));
        Assert.Equal(2, catalog.Problems.Count);
        Assert.Contains(catalog.Problems, p => p.Contains(Path.Combine(_repo.ExperimentsPath, "1")));
        Assert.Equal(0.5, catalog.Experiments[0].Summary["loss"]!.GetValue<double>());
    }

    [Fact]
    public void Load_MissingDirectory_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => ExperimentCatalog.Load(Path.Combine(_repo.Path, "nothing")));
    }
}
