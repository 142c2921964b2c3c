using GoKart;

/// <summary>How a greeting sounds.</summary>
public enum Mood
{
    Calm,
    Cheerful,
    Grumpy,
}

/// <summary>A task with parameters of many types, all settable from the command line and config files.</summary>
public sealed class Greeting : TaskOnKart<string>
{
    [Parameter(Description = "Who to greet.")]
    public string Name { get; init; } = "world";

    [Parameter(Description = "How many times.")]
    public int Times { get; init; } = 1;

    public Mood Mood { get; init; } = Mood.Calm;

    public double Volume { get; init; } = 0.5;

    public DateOnly Date { get; init; } = new(2024, 1, 1);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(1);

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, int> Weights { get; init; } = new Dictionary<string, int>();

    [Parameter(Significant = false, Description = "Log more.")]
    public bool Verbose { get; init; }

    protected override string Run()
    {
        var word = Mood switch
        {
            Mood.Cheerful => "Hello",
            Mood.Grumpy => "Hmph",
            _ => "Hi",
        };
        var text = string.Join(" ", Enumerable.Repeat($"{word}, {Name}!", Times));
        var tags = Tags.Count > 0 ? $" [{string.Join(",", Tags)}]" : string.Empty;
        var weights = Weights.Count > 0 ? " {" + string.Join(",", Weights.Select(kv => $"{kv.Key}={kv.Value}")) + "}" : string.Empty;
        return $"{text}{tags}{weights} on {Date:yyyy-MM-dd}";
    }
}

/// <summary>Takes any string-producing task as a parameter (a task instance parameter).</summary>
public sealed class Shout : TaskOnKart<string>
{
    public TaskOnKart<string> Source { get; init; } = new Greeting();

    protected override string Run() => Load(Source).ToUpperInvariant();
}

/// <summary>
/// Requires two greetings made in code; config and --Greeting-* values fill in only what the code leaves at
/// its defaults. The instances are kept in fields because the command line configures those very instances.
/// </summary>
public sealed class Pair : TaskOnKart<string>
{
    private readonly Greeting _alice = new() { Name = "Alice" };
    private readonly Greeting _twice = new() { Times = 2 };

    protected override Dependencies Requires() => [_alice, _twice];

    protected override string Run() => Load(_alice) + " | " + Load(_twice);
}

/// <summary>Text made outside the pipeline: the file raw/words.txt in the workspace.</summary>
public sealed class RawWords : ExternalTask<string>
{
    protected override Target Output() => MakeTarget("raw/words.txt", useUniqueId: false);
}

/// <summary>Counts the words of <see cref="RawWords"/>.</summary>
public sealed class CountWords : TaskOnKart<int>
{
    public int MinLength { get; init; } = 1;

    protected override Dependencies Requires() => [new RawWords()];

    protected override int Run() =>
        Load(new RawWords()).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Length >= MinLength);
}

/// <summary>Always fails (to show failures in the summary and exit code).</summary>
public sealed class Broken : TaskOnKart<string>
{
    public string Message { get; init; } = "this task always fails";

    protected override Dependencies Requires() => [new Greeting()];

    protected override string Run() => throw new InvalidOperationException(Message);
}
