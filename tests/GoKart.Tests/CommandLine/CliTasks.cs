using GoKart;

namespace GoKart.Tests.CommandLine
{
    public enum CliColor
    {
        Red,
        Green,
    }

    public sealed class CliEcho : TaskOnKart<string>
    {
        [Parameter(Description = "What to echo.")]
        public required string Text { get; init; }

        protected override string Run() => Text;
    }

    public sealed class CliTypes : TaskOnKart<string>
    {
        public string Name { get; init; } = "n";

        public bool Flag { get; init; }

        public long Big { get; init; } = 1;

        public byte Small { get; init; }

        public float Ratio { get; init; } = 0.5f;

        public double Rate { get; init; } = 0.1;

        public decimal Price { get; init; } = 1.5m;

        public CliColor Color { get; init; } = CliColor.Red;

        public DateOnly Day { get; init; } = new(2024, 1, 1);

        public DateTime When { get; init; } = new(2024, 1, 1, 0, 0, 0);

        public DateTimeOffset At { get; init; } = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(1);

        public Guid Id { get; init; }

        public int? Maybe { get; init; } = 3;

        public int[] Numbers { get; init; } = [];

        public IReadOnlyList<string> Words { get; init; } = [];

        public List<double> Values { get; init; } = [];

        public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

        public Dictionary<string, IReadOnlyList<int>> Groups { get; init; } = [];

        protected override string Run() => ToString();
    }

    public sealed class CliHolder : TaskOnKart<string>
    {
        public TaskOnKart<string> Inner { get; init; } = new CliTypes();

        public IReadOnlyList<TaskOnKart<string>> More { get; init; } = [];

        protected override string Run() => Load(Inner);
    }

    /// <summary>Requires tasks made in code: one sets Name explicitly, one leaves it at its default.</summary>
    public sealed class CliPair : TaskOnKart<string>
    {
        private readonly CliTypes _named = new() { Name = "code" };
        private readonly CliTypes _plain = new() { Big = 7 };

        public CliTypes Named => _named;

        public CliTypes Plain => _plain;

        protected override Dependencies Requires() => [_named, _plain];

        protected override string Run() => Load(_named) + "|" + Load(_plain);
    }

    public sealed class CliExternal : ExternalTask<string>
    {
        protected override Target Output() => MakeTarget("external/input.txt", useUniqueId: false);
    }

    public sealed class CliNeedsExternal : TaskOnKart<string>
    {
        protected override Dependencies Requires() => [new CliExternal()];

        protected override string Run() => Load(new CliExternal()).Trim();
    }

    public sealed class CliNumber : TaskOnKart<int>
    {
        protected override int Run() => 1;
    }

    /// <summary>
    /// Waits until the build is cancelled, then returns a value instead of throwing (as a task that checks its
    /// token only between steps would): whether that value is written is up to the engine, not the task.
    /// </summary>
    public sealed class CliWaits : TaskOnKart<string>
    {
        protected override async Task<string> RunAsync(CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult()))
            {
                await cancelled.Task.WaitAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            }

            return "finished after the cancellation";
        }
    }

    public sealed class CliFails : TaskOnKart<string>
    {
        protected override string Run() => throw new InvalidOperationException("boom");
    }

    public sealed class CliDiamond : TaskOnKart<string>
    {
        protected override Dependencies Requires() => [new CliTypes { Name = "a" }, new CliTypes { Name = "a" }, new CliTypes { Name = "b" }];

        protected override string Run() => "d";
    }
}

namespace GoKart.Tests.CommandLine.First
{
    public sealed class CliTwin : TaskOnKart<string>
    {
        protected override string Run() => "first";
    }
}

namespace GoKart.Tests.CommandLine.Second
{
    public sealed class CliTwin : TaskOnKart<string>
    {
        protected override string Run() => "second";
    }
}
