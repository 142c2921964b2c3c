namespace GoKart.Viewer;

/// <summary>The binary form of a cached run (see <see cref="RunCache"/>).</summary>
internal static class RunCodec
{
    public static void Write(BinaryWriter w, CachedRun entry)
    {
        w.Write(entry.Key);
        w.Write(entry.Stamp.Length);
        foreach (var value in entry.Stamp)
        {
            w.Write(value);
        }

        var run = entry.Run;
        w.Write(run.Id);
        w.Write(run.TaskName);
        WriteNullable(w, run.TypeName);
        w.Write(run.Parameters.Count);
        foreach (var (name, value) in run.Parameters)
        {
            w.Write(name);
            w.Write(value);
        }

        WriteTime(w, run.Start);
        WriteTime(w, run.End);
        w.Write(run.ProcessingTime?.Ticks ?? long.MinValue);
        w.Write(run.RandomSeed.HasValue);
        w.Write(run.RandomSeed ?? 0L);
        w.Write(run.Outputs.Count);
        foreach (var output in run.Outputs)
        {
            w.Write(output.Name);
            w.Write(output.Location);
            WriteNullable(w, output.Path);
        }

        w.Write(run.Requires?.Count ?? -1);
        foreach (var requirement in run.Requires ?? [])
        {
            w.Write(requirement.TaskName);
            w.Write(requirement.Id);
            WriteNullable(w, requirement.Name);
            WriteNullable(w, requirement.TypeName);
        }

        w.Write(entry.Problems.Count);
        foreach (var problem in entry.Problems)
        {
            w.Write(problem.Location);
            w.Write(problem.Message);
        }
    }

    public static CachedRun Read(BinaryReader r, StringPool pool)
    {
        var key = r.ReadString();
        var stamp = new long[r.ReadInt32()];
        for (var i = 0; i < stamp.Length; i++)
        {
            stamp[i] = r.ReadInt64();
        }

        var id = r.ReadString();
        var taskName = pool.Intern(r.ReadString())!;
        var typeName = pool.Intern(ReadNullable(r));
        var parameters = new KeyValuePair<string, string>[r.ReadInt32()];
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = pool.Intern(r.ReadString())!;
            var value = r.ReadString();
            parameters[i] = new(name, value.Length <= 16 ? pool.Intern(value)! : value);
        }

        var start = ReadTime(r);
        var end = ReadTime(r);
        var ticks = r.ReadInt64();
        var hasSeed = r.ReadBoolean();
        var seed = r.ReadInt64();
        var outputs = new RunOutput[r.ReadInt32()];
        for (var i = 0; i < outputs.Length; i++)
        {
            outputs[i] = new RunOutput(pool.Intern(r.ReadString())!, r.ReadString(), ReadNullable(r), null);
        }

        var requireCount = r.ReadInt32();
        RunRequirement[]? requires = requireCount < 0 ? null : new RunRequirement[requireCount];
        for (var i = 0; i < requireCount; i++)
        {
            requires![i] = new RunRequirement(pool.Intern(r.ReadString())!, r.ReadString(), pool.Intern(ReadNullable(r)), pool.Intern(ReadNullable(r)));
        }

        var problems = new LogProblem[r.ReadInt32()];
        for (var i = 0; i < problems.Length; i++)
        {
            problems[i] = new LogProblem(r.ReadString(), r.ReadString());
        }

        var run = new TaskRun
        {
            Id = id,
            TaskName = taskName,
            TypeName = typeName,
            Parameters = parameters,
            Start = start,
            End = end,
            ProcessingTime = ticks == long.MinValue ? null : TimeSpan.FromTicks(ticks),
            RandomSeed = hasSeed ? seed : null,
            Outputs = outputs,
            Requires = requires,
        };
        return new CachedRun(key, stamp, run, problems);
    }

    private static void WriteNullable(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteTime(BinaryWriter w, DateTimeOffset? time)
    {
        w.Write(time?.UtcTicks ?? long.MinValue);
        w.Write((short)(time?.Offset.TotalMinutes ?? 0));
    }

    private static DateTimeOffset? ReadTime(BinaryReader r)
    {
        var ticks = r.ReadInt64();
        var offset = r.ReadInt16();
        return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offset));
    }
}
