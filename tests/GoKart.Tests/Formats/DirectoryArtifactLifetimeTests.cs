using GoKart.Formats;
using GoKart.Tests.Support;

namespace GoKart.Tests.Formats;

public sealed class TrainModel : TaskOnKart<DirectoryArtifact>
{
    protected override Target Output() => MakeTarget("model/model.zip");

    protected override DirectoryArtifact Run()
    {
        var model = DirectoryArtifact.CreateTemporary();

        // The model remembers where it was made, so a test can check that folder afterwards.
        File.WriteAllText(model.GetFilePath("made-in.txt"), model.Path);
        return model;
    }
}

public sealed class ReadModelOrigin : TaskOnKart<string>
{
    public required TaskOnKart<DirectoryArtifact> Model { get; init; }

    protected override Target Output() => MakeTarget("model/origin.txt");

    protected override string Run()
    {
        using var model = Load(Model);
        return File.ReadAllText(model.GetFilePath("made-in.txt"));
    }
}

/// <summary>The temporary folder of a model a task returns is deleted once it is written, unless the build returns it.</summary>
public sealed class DirectoryArtifactLifetimeTests
{
    [Fact]
    public void Build_ModelOfNonRootTask_DeletesItsTemporaryFolder()
    {
        using var workspace = new TempDirectory();
        var origin = Kart.Build(new ReadModelOrigin { Model = new TrainModel() }, new BuildOptions { Workspace = workspace.Path, Workers = 1 });
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "gokart-artifacts"), origin);
        Assert.False(Directory.Exists(origin), $"{origin} was left behind");
    }

    [Fact]
    public void Build_ModelOfRootTask_IsReturnedWithItsFolder()
    {
        using var workspace = new TempDirectory();
        using var model = Kart.Build(new TrainModel(), new BuildOptions { Workspace = workspace.Path, Workers = 1 });
        Assert.Equal(model.Path, File.ReadAllText(model.GetFilePath("made-in.txt")));
        model.Dispose();
        Assert.False(Directory.Exists(model.Path));
    }
}
