namespace GoKart.Experiments;

/// <summary>One line of an experiment's <c>metrics.jsonl</c>: the values logged for a step.</summary>
/// <param name="Step">The step given to <see cref="Experiment.Log(long, IReadOnlyDictionary{string, double})"/>.</param>
/// <param name="Time">When it was logged (with its offset), null when the line has no time.</param>
/// <param name="Values">Metric name to value.</param>
public sealed record MetricPoint(long Step, DateTimeOffset? Time, IReadOnlyDictionary<string, double> Values);
