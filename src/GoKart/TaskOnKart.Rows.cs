namespace GoKart;

/// <summary>Streaming loads: gokart's <c>load_generator</c>.</summary>
public abstract partial class TaskOnKart
{
    /// <summary>
    /// The records of a required task's table output, read as they are enumerated (gokart's <c>load_generator</c>):
    /// csv, tsv, ndjson, parquet and feather never hold the whole file in memory. The file is opened when enumeration
    /// starts and closed when it ends or stops. Column checks and errors are those of a whole load.
    /// </summary>
    /// <typeparam name="TRecord">The record type; the upstream output may be any table of it (a list or a row stream).</typeparam>
    /// <param name="task">A required task whose output is a table.</param>
    /// <param name="cancellationToken">Stops the enumeration; the task's own cancellation does too.</param>
    /// <example>
    /// <code>
    /// // in a TaskOnKart&lt;IAsyncEnumerable&lt;Sale&gt;&gt;: the output is written as the rows come
    /// protected override Task&lt;IAsyncEnumerable&lt;Sale&gt;&gt; RunAsync(CancellationToken ct) =&gt;
    ///     Task.FromResult(LoadRowsAsync&lt;Sale&gt;(Sales, ct).Select(s =&gt; s with { Amount = s.Amount * 2 }));
    /// </code>
    /// </example>
    protected IAsyncEnumerable<TRecord> LoadRowsAsync<TRecord>(TaskOnKart task, CancellationToken cancellationToken = default) =>
        RequireContext().LoadRows<TRecord>(task, cancellationToken);

    /// <summary>The records of a required task's table output as a blocking enumerable (see <see cref="LoadRowsAsync{TRecord}"/>).</summary>
    protected IEnumerable<TRecord> LoadRows<TRecord>(TaskOnKart task) =>
        RequireContext().LoadRows<TRecord>(task, default).ToBlockingEnumerable();

    /// <summary>The records of a required task's table output in batches of up to <paramref name="batchSize"/> (the last may be shorter).</summary>
    protected IAsyncEnumerable<TRecord[]> LoadBatchesAsync<TRecord>(TaskOnKart task, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        return Batches(RequireContext().LoadRows<TRecord>(task, cancellationToken), batchSize, cancellationToken);
    }

    private static async IAsyncEnumerable<TRecord[]> Batches<TRecord>(
        IAsyncEnumerable<TRecord> rows, int batchSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batch = new List<TRecord>(batchSize);
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            batch.Add(row);
            if (batch.Count == batchSize)
            {
                yield return [.. batch];
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            yield return [.. batch];
        }
    }
}
