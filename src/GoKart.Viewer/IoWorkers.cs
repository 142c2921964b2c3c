using System.Runtime.ExceptionServices;

namespace GoKart.Viewer;

/// <summary>
/// Runs a body for each index on dedicated threads. Reading many small files from a disk is bound by its latency,
/// not by the CPU: only many requests in flight at once keep the disk busy, even on two cores. A thread blocked
/// in a read costs no CPU, and the thread pool would add threads too slowly to reach that many.
/// </summary>
internal static class IoWorkers
{
    /// <summary>Indexes are handed out in small blocks, in order; the first exception stops the rest and is rethrown.</summary>
    public static void For(int count, int threads, Action<int> body, CancellationToken cancellationToken)
    {
        const int Block = 16;
        threads = Math.Clamp((count + Block - 1) / Block, 1, Math.Max(1, threads));
        var next = 0;
        ExceptionDispatchInfo? failure = null;
        void Work()
        {
            try
            {
                while (Volatile.Read(ref failure) is null)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var start = Interlocked.Add(ref next, Block) - Block;
                    if (start >= count)
                    {
                        return;
                    }

                    for (var i = start; i < Math.Min(start + Block, count); i++)
                    {
                        body(i);
                    }
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }
        }

        var workers = new Thread[threads - 1];
        for (var t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(Work, 256 * 1024) { IsBackground = true, Name = "GoKart.Viewer I/O" };
            workers[t].Start();
        }

        Work();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        failure?.Throw();
    }
}
