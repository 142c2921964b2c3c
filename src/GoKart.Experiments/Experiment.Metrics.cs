using System.Buffers;
using System.Text.Json;
using GoKart.Experiments.Recording;

namespace GoKart.Experiments;

/// <summary>Metric series: one line of <c>metrics.jsonl</c> per logged step.</summary>
public sealed partial class Experiment
{
    private readonly Lock _metricsGate = new();
    private readonly ArrayBufferWriter<byte> _metricLine = new(256);

    /// <summary>
    /// Appends the values of <paramref name="step"/> to <c>metrics.jsonl</c> in the experiment folder, one JSON line
    /// <c>{"step":12,"time":"…","values":{"loss":0.31}}</c> written and flushed at once, so that <c>gokart ui</c> can
    /// plot the curves while the program runs. Safe to call from several threads; nothing is written with --norecord.
    /// </summary>
    /// <param name="step">The step, epoch or iteration the values belong to (the x axis).</param>
    /// <param name="metrics">Metric name to value; names are kept as given.</param>
    /// <exception cref="ArgumentException">A value is NaN or infinite (JSON cannot hold it), or a name is empty.</exception>
    /// <example>
    /// <code>
    /// for (var epoch = 0; epoch &lt; epochs; epoch++)
    /// {
    ///     experiment.Log(epoch, new Dictionary&lt;string, double&gt; { ["loss"] = loss, ["accuracy"] = accuracy });
    /// }
    /// </code>
    /// </example>
    public void Log(long step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (name, value) in metrics)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException($"Metric names must not be empty (step {step}).", nameof(metrics));
            }

            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Metric '{name}' at step {step} is {value}; metrics.jsonl holds finite numbers only.", nameof(metrics));
            }
        }

        if (!IsRecording)
        {
            return;
        }

        lock (_metricsGate)
        {
            _metricLine.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(_metricLine))
            {
                json.WriteStartObject();
                json.WriteNumber("step", step);
                json.WriteString("time", Metadata.Format(_time.GetLocalNow()));
                json.WriteStartObject("values");
                foreach (var (name, value) in metrics)
                {
                    json.WriteNumber(name, value);
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            _metricLine.Write("\n"u8);

            // One write per line with the file opened for append: a reader sees whole lines, at worst a cut last one.
            using var file = new FileStream(FilePath(ExperimentFiles.Metrics), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, 1);
            file.Write(_metricLine.WrittenSpan);
        }
    }

    /// <summary>Appends one metric value of <paramref name="step"/> to <c>metrics.jsonl</c>; see <see cref="Log(long, IReadOnlyDictionary{string, double})"/>.</summary>
    /// <param name="step">The step, epoch or iteration.</param>
    /// <param name="name">The metric's name.</param>
    /// <param name="value">Its value (finite).</param>
    public void Log(long step, string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Log(step, new Dictionary<string, double>(1, StringComparer.Ordinal) { [name] = value });
    }
}
