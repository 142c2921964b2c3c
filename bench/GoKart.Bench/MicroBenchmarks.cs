using BenchmarkDotNet.Attributes;
using GoKart.Execution;
using GoKart.Storage;

namespace GoKart.Bench;

/// <summary>Hot paths of the engine: ids, graph planning, and whole builds with storage taken out (in-memory store).
/// Run: dotnet run -c Release --project bench/GoKart.Bench -- micro --filter '*'</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private ChainStep _complete = null!;
    private InMemoryStore _completeStore = null!;

    [GlobalSetup]
    public void Setup()
    {
        _complete = ChainStep.Build(1000);
        _completeStore = new InMemoryStore();
        Kart.Build(_complete, new BuildOptions { Store = _completeStore });
    }

    [Benchmark]
    public string UniqueIdOfTaskWithParameters() => new ChainStep { Index = 42 }.UniqueId;

    [Benchmark]
    public int GraphOfChain1000() => TaskGraph.Build(ChainStep.Build(1000)).Nodes.Count;

    [Benchmark]
    public int GraphOfFanIn2000() => TaskGraph.Build(FanRoot.Build(2000)).Nodes.Count;

    /// <summary>1000 tasks run, each with its output and five logs, into memory: the per-task cost of the engine itself.</summary>
    [Benchmark]
    public int ColdChain1000InMemory() => Kart.Build(ChainStep.Build(1000), new BuildOptions { Store = new InMemoryStore() });

    /// <summary>2000 leaves and their root run into memory.</summary>
    [Benchmark]
    public long ColdFanIn2000InMemory() => Kart.Build(FanRoot.Build(2000), new BuildOptions { Store = new InMemoryStore() });

    /// <summary>A complete chain of 1000: graph, ids, completion check of the root, and loading its output.</summary>
    [Benchmark]
    public int CompleteChain1000InMemory() => Kart.Build(ChainStep.Build(1000), new BuildOptions { Store = _completeStore });
}
