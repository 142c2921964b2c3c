using GoKart;
using GoKart.CommandLine;

namespace MyPipeline.Tests;

/// <summary>Each test builds in its own temporary workspace, so no test sees another's saved outputs.</summary>
public sealed class PipelineTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("MyPipeline.Tests-");

    public void Dispose() => _dir.Delete(recursive: true);

    private BuildOptions Options => new() { Workspace = Path.Combine(_dir.FullName, "resources") };

    [Fact]
    public void Numbers_counts_from_one()
    {
        var numbers = Kart.Build(new Numbers { Count = 4 }, Options);

        Assert.Equal(new[] { 1, 2, 3, 4 }, numbers);
    }

    [Fact]
    public void SumOfSquares_adds_the_squares_of_its_input()
    {
        var sum = Kart.Build(new SumOfSquares { Input = new Numbers { Count = 3 } }, Options);

        Assert.Equal(1 + 4 + 9, sum);
    }

    [Fact]
    public async Task The_command_line_takes_parameters_from_gokart_ini()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "gokart.ini"), "[Numbers]\ncount = 2\n");
        var output = new StringWriter();

        var exitCode = Kart.Run(["SumOfSquares"], new CommandLineOptions
        {
            Assemblies = [typeof(SumOfSquares).Assembly],
            WorkingDirectory = _dir.FullName,
            Output = output,
        });

        Assert.True(exitCode == 0, output.ToString());
        // The saved output is found again by a build of the same task with the same parameters.
        var report = await Kart.ExecuteAsync(new SumOfSquares { Input = new Numbers { Count = 2 } }, Options);
        Assert.Equal(1L + 4, report.RootOutput);
        Assert.All(report.Tasks, t => Assert.Equal(TaskRunStatus.AlreadyComplete, t.Status));
    }
}
