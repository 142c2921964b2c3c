namespace GoKart.Slurm;

/// <summary>
/// Puts tasks into jobs: a task whose only scheduled requirement has it as its only dependent joins that
/// requirement's job (a chain); tasks left alone are grouped with others of the same level and resources.
/// Each job holds at most <c>maxSize</c> tasks and, where earlier runs give estimates, <c>maxTime</c> of work.
/// Along every job dependency the levels strictly increase, so jobs never wait for each other in a cycle.
/// </summary>
internal static class BatchPlanner
{
    public static List<SlurmBatch> Plan(
        IReadOnlyList<ScheduledTask> tasks, int maxSize, TimeSpan? maxTime, Func<ScheduledTask, SlurmResources> resources, Func<ScheduledTask, TimeSpan?> estimate)
    {
        var members = new HashSet<ScheduledTask>(tasks, ReferenceEqualityComparer.Instance);
        var level = new Dictionary<ScheduledTask, int>(ReferenceEqualityComparer.Instance);
        var chainOf = new Dictionary<ScheduledTask, Chain>(ReferenceEqualityComparer.Instance);
        var chains = new List<Chain>();
        foreach (var task in tasks)
        {
            var inside = task.Dependencies.Where(members.Contains).ToList();
            level[task] = inside.Count == 0 ? 0 : inside.Max(d => level[d]) + 1;
            var own = resources(task);
            var time = estimate(task) ?? TimeSpan.Zero;
            if (maxSize > 1 && inside.Count == 1 && task.Dependencies.Count == 1
                && inside[0].Dependents.Count == 1
                && chainOf[inside[0]] is var chain && chain.Tasks[^1] == inside[0]
                && chain.Tasks.Count < maxSize && Fits(chain.Time + time, maxTime) && chain.Resources == own)
            {
                chain.Tasks.Add(task);
                chain.Time += time;
                chainOf[task] = chain;
                continue;
            }

            var fresh = new Chain(own, level[task]) { Time = time };
            fresh.Tasks.Add(task);
            chainOf[task] = fresh;
            chains.Add(fresh);
        }

        var result = new List<SlurmBatch>();
        var loners = new List<Chain>();
        foreach (var chain in chains)
        {
            if (chain.Tasks.Count > 1 || maxSize <= 1)
            {
                result.Add(new SlurmBatch(chain.Tasks, chain.Resources));
            }
            else
            {
                loners.Add(chain);
            }
        }

        foreach (var group in loners.GroupBy(c => (c.Level, c.Resources)))
        {
            var current = new List<ScheduledTask>();
            var time = TimeSpan.Zero;
            foreach (var chain in group)
            {
                if (current.Count > 0 && (current.Count >= maxSize || !Fits(time + chain.Time, maxTime)))
                {
                    result.Add(new SlurmBatch(current, group.Key.Resources));
                    (current, time) = ([], TimeSpan.Zero);
                }

                current.Add(chain.Tasks[0]);
                time += chain.Time;
            }

            result.Add(new SlurmBatch(current, group.Key.Resources));
        }

        // Submit in plan order: a job's requirements are submitted before it.
        return [.. result.OrderBy(b => b.Tasks.Max(t => level[t])).ThenBy(b => b.Tasks[0].Index)];
    }

    private static bool Fits(TimeSpan total, TimeSpan? maxTime) => maxTime is not { } limit || total <= limit;

    private sealed class Chain(SlurmResources resources, int level)
    {
        public List<ScheduledTask> Tasks { get; } = [];

        public SlurmResources Resources { get; } = resources;

        public int Level { get; } = level;

        public TimeSpan Time { get; set; }
    }
}
