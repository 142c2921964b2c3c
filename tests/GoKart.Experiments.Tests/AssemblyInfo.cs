// Experiments swap Console.Out/Console.Error, which are process-wide: tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
