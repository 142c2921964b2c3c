using System.Text.Json;
using GoKart.Tests.Support;

namespace GoKart.Tests.Execution;

public sealed class BuildTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private BuildOptions Options(int workers = 2) => new() { Workspace = _dir.Path, Workers = workers };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Build_Example_WritesOutputAndFiveLogs()
    {
        var output = Kart.Build(new Strings { Text = "Hello, world!" }, Options());

        Assert.Equal("Hello, world!", output);
        var id = new Strings { Text = "Hello, world!" }.UniqueId;
        var expected = new[]
        {
            $"GoKart/Tests/Execution/Strings_{id}.json",
            $"log/module_versions/Strings_{id}.txt",
            $"log/processing_time/Strings_{id}.json",
            $"log/random_seed/Strings_{id}.json",
            $"log/task_log/Strings_{id}.json",
            $"log/task_params/Strings_{id}.json",
        };
        Assert.Equal(expected.Order(), _dir.Files());
        Assert.Equal("\"Hello, world!\"", File.ReadAllText(_dir.Combine($"GoKart/Tests/Execution/Strings_{id}.json")));
    }

    [Fact]
    public void Build_Logs_RecordParametersSeedTimeAndModules()
    {
        var task = new AddOne { Input = new Number { Value = 5 } };
        Kart.Build(task, Options());

        var id = task.UniqueId;
        var parameters = JsonDocument.Parse(File.ReadAllText(_dir.Combine($"log/task_params/AddOne_{id}.json"))).RootElement;
        Assert.Equal(new Number { Value = 5 }.UniqueId, parameters.GetProperty("input").GetString());
        var seed = JsonDocument.Parse(File.ReadAllText(_dir.Combine($"log/random_seed/AddOne_{id}.json"))).RootElement;
        Assert.Equal(SeedTests.GokartSeed(id), seed.GetProperty("random_seed").GetInt64());
        var time = JsonDocument.Parse(File.ReadAllText(_dir.Combine($"log/processing_time/AddOne_{id}.json"))).RootElement;
        Assert.True(time.GetProperty("processing_time").GetDouble() >= 0);
        Assert.Contains("+00:00", time.GetProperty("start").GetString(), StringComparison.Ordinal);
        var log = JsonDocument.Parse(File.ReadAllText(_dir.Combine($"log/task_log/AddOne_{id}.json"))).RootElement;
        Assert.Contains("adding one to", log.GetProperty("task_log")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.EndsWith($"AddOne_{id}.json", log.GetProperty("outputs").GetProperty("output").GetString(), StringComparison.Ordinal);
        var modules = File.ReadAllLines(_dir.Combine($"log/module_versions/AddOne_{id}.txt"));
        Assert.Contains(modules, l => l.StartsWith("GoKart==", StringComparison.Ordinal));
        Assert.Contains(modules, l => l.StartsWith("xunit.core==", StringComparison.Ordinal));
        Assert.Contains(modules, l => l.StartsWith("runtime==.NET", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SecondTime_ReusesOutputsWithoutRunning()
    {
        var counter = new RunCounter();
        TaskOnKart<int> Chain() => new AddOne { Input = new AddOne { Input = new Number { Value = 1, Counter = counter }, Counter = counter }, Counter = counter };

        Assert.Equal(3, Kart.Build(Chain(), Options()));
        Assert.Equal(3, counter.Total);
        Assert.Equal(3, Kart.Build(Chain(), Options()));
        Assert.Equal(3, counter.Total);
    }

    [Fact]
    public void Build_ChangedParameter_RerunsOnlyWhatDependsOnIt()
    {
        var counter = new RunCounter();
        Sum Pipeline(int second) => new()
        {
            Inputs = [new Number { Value = 1, Counter = counter }, new Number { Value = second, Counter = counter }],
            Counter = counter,
        };

        Assert.Equal(3, Kart.Build(Pipeline(2), Options()));
        Assert.Equal(11, Kart.Build(Pipeline(10), Options()));

        Assert.Equal(1, counter["Number1"]);
        Assert.Equal(1, counter["Number2"]);
        Assert.Equal(1, counter["Number10"]);
        Assert.Equal(2, counter[nameof(Sum)]);
    }

    [Fact]
    public void Build_IdenticalTasks_AreDeduplicatedByUniqueId()
    {
        var counter = new RunCounter();
        var task = new Sum { Inputs = [new Number { Value = 4, Counter = counter }, new Number { Value = 4, Counter = counter }], Counter = counter };

        Assert.Equal(8, Kart.Build(task, Options()));
        Assert.Equal(1, counter["Number4"]);
    }

    [Fact]
    public void Build_IndependentTasks_RunInParallelUpToWorkers()
    {
        var counter = new RunCounter();
        var task = new Sum { Inputs = [.. Enumerable.Range(0, 6).Select(i => new Slow { Id = i, Counter = counter })] };

        Assert.Equal(15, Kart.Build(task, Options(workers: 3)));
        Assert.InRange(counter.MaxConcurrent, 2, 3);
    }

    [Fact]
    public void Build_OneWorker_RunsOneAtATime()
    {
        var counter = new RunCounter();
        var task = new Sum { Inputs = [.. Enumerable.Range(0, 3).Select(i => new Slow { Id = i, Counter = counter })] };

        Kart.Build(task, Options(workers: 1));
        Assert.Equal(1, counter.MaxConcurrent);
    }

    [Fact]
    public void Build_FailingBranch_OtherBranchesFinishThenThrowsWithEveryFailure()
    {
        var counter = new RunCounter();
        var task = new Sum
        {
            Inputs =
            [
                new AddOne { Input = new Boom { Why = "first" } },
                new Boom { Why = "second" },
                new AddOne { Input = new Number { Value = 1, Counter = counter }, Counter = counter },
            ],
        };

        var error = Assert.Throws<GoKartBuildException>(() => Kart.Build(task, Options()));

        Assert.Equal(2, error.Failures.Count);
        Assert.Equal(["first", "second"], error.Failures.Select(f => f.Exception.Message).Order());
        Assert.All(error.Failures, f => Assert.Equal(new Boom { Why = f.Exception.Message }.UniqueId, f.UniqueId));
        Assert.Equal(2, error.UpstreamFailed.Count);
        Assert.Equal(1, counter[nameof(AddOne)]);
        Assert.True(File.Exists(_dir.Combine($"GoKart/Tests/Execution/AddOne_{new AddOne { Input = new Number { Value = 1 } }.UniqueId}.json")));
    }

    [Fact]
    public void Build_Cycle_IsReportedWithTaskNames()
    {
        var error = Assert.Throws<TaskDefinitionException>(() => Kart.Build(new CycleA(), Options()));
        Assert.Contains("CycleA -> CycleB -> CycleA", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_LoadOfTaskNotRequired_NamesBothTasks()
    {
        var error = Assert.Throws<GoKartBuildException>(() => Kart.Build(new LoadsStranger(), Options()));
        var message = error.Failures.Single().Exception.Message;
        Assert.Contains("LoadsStranger", message, StringComparison.Ordinal);
        Assert.Contains("Number[", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TaskWithoutRun_FailsBeforeAnythingIsWritten()
    {
        var error = Assert.Throws<TaskDefinitionException>(() => Kart.Build(new AddOne { Input = new NoRun() }, Options()));
        Assert.Contains("NoRun", error.Message, StringComparison.Ordinal);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Build_UnsupportedParameterType_NamesTaskAndParameter()
    {
        var error = Assert.Throws<TaskDefinitionException>(() => Kart.Build(new BadParameter(), Options()));
        Assert.Contains("'Data'", error.Message, StringComparison.Ordinal);
        Assert.Contains("BadParameter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownOutputExtension_ListsKnownOnesBeforeRunning()
    {
        var counter = new RunCounter();
        var error = Assert.Throws<TaskDefinitionException>(() => Kart.Build(new Sum { Inputs = [new Number { Value = 1, Counter = counter }, new WeirdOutput()] }, Options()));
        Assert.Contains(".weird", error.Message, StringComparison.Ordinal);
        Assert.Contains(".json", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Total);
        Assert.Empty(_dir.Files());
    }

    [Fact]
    public void Load_NamedRequires_ReturnsDictionaryShape() =>
        Assert.Equal("1+2", Kart.Build(new Named(), Options()));

    [Fact]
    public void Load_ListRequires_ReturnsListShape() =>
        Assert.Equal(7, Kart.Build(new Listed(), Options()));

    [Fact]
    public void Dump_AdditionalNamedOutput_IsWrittenAndLoadable()
    {
        var result = Kart.Build(new ReadsReport { Source = new WithReport() }, Options());

        Assert.Equal("all good / 7", result);
        Assert.Contains(_dir.Files(), f => f.StartsWith("reports/summary_", StringComparison.Ordinal) && f.EndsWith(".txt", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_IsSeededFromUniqueId()
    {
        var first = Kart.Build(new Dice(), Options());
        var again = Kart.Build(new Dice(), new BuildOptions { Workspace = _dir.Combine("other") });
        var expected = new Random(unchecked((int)SeedTests.GokartSeed(new Dice().UniqueId)));

        Assert.Equal(first, again);
        Assert.Equal(Enumerable.Range(0, 5).Select(_ => expected.Next(6)), first);
    }
}
