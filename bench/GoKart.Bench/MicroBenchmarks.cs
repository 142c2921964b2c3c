using BenchmarkDotNet.Attributes;
using GoKart.Execution;

namespace GoKart.Bench;

/// <summary>Hot paths of the engine: ids and graph planning. Run: dotnet run -c Release --project bench/GoKart.Bench -- micro --filter '*'</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    [Benchmark]
    public string UniqueIdOfTaskWithParameters() => new ChainStep { Index = 42 }.UniqueId;

    [Benchmark]
    public int GraphOfChain1000() => TaskGraph.Build(ChainStep.Build(1000)).Nodes.Count;

    [Benchmark]
    public int GraphOfFanIn2000() => TaskGraph.Build(FanRoot.Build(2000)).Nodes.Count;
}
