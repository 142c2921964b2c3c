using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace GoKart.Viewer;

/// <summary>
/// The binary form of the cache (see <see cref="RunCache"/>): the log folder stamps, then every distinct string once
/// (lengths, then one UTF-8 block), then the runs as fixed-width numbers and string indexes (with the output sizes
/// last seen), the problems of files inside log folders, and the output folder stamps. Decoding makes each
/// distinct string once (task names, parameter names, ids that other runs require are shared instances) and
/// no string per field.
/// </summary>
internal static class RunCodec
{
    /// <summary>
    /// Two passes over the runs, neither holding the file in memory: the first (into <see cref="Stream.Null"/>) numbers the
    /// distinct strings and keeps the number of each string in the order written, then the strings are written, then
    /// the second pass writes the runs with those numbers (replayed, not looked up again: hashing is most of the cost).
    /// </summary>
    public static void Write(Stream destination, RunCache.Contents contents)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var numbers = new List<int>(contents.Runs.Count * 16);
        using (var counting = new BinaryWriter(Stream.Null, Encoding.UTF8, leaveOpen: true))
        {
            WriteRuns(counting, contents, text =>
            {
                ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(strings, text, out var exists);
                if (!exists)
                {
                    index = order.Count;
                    order.Add(text);
                }

                numbers.Add(index);
                return index;
            });
        }


        using var w = new BinaryWriter(destination, Encoding.UTF8, leaveOpen: true);
        w.Write(contents.FolderTimes.Length);
        foreach (var time in contents.FolderTimes)
        {
            w.Write(time);
        }

        w.Write(order.Count);
        foreach (var text in order)
        {
            w.Write(Encoding.UTF8.GetByteCount(text));
        }

        var buffer = ArrayPool<byte>.Shared.Rent(1 << 12);
        foreach (var text in order)
        {
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            }

            w.Write(buffer, 0, Encoding.UTF8.GetBytes(text, buffer));
        }

        ArrayPool<byte>.Shared.Return(buffer);
        var next = 0;
        WriteRuns(w, contents, _ => numbers[next++]);
        w.Flush();
    }

    private static void WriteRuns(BinaryWriter w, RunCache.Contents contents, Func<string, int> number)
    {
        var (_, runs, folderProblems, outputFolders) = contents;
        void Text(string? text) => w.Write(text is null ? -1 : number(text));

        w.Write(runs.Count);
        foreach (var run in runs)
        {
            Text(run.TaskName);
            Text(run.Id);
            Text(run.TypeName);
            w.Write(run.Stamp.Length);
            foreach (var value in run.Stamp)
            {
                w.Write(value);
            }

            w.Write(run.Parameters.Length);
            foreach (var (name, value) in run.Parameters)
            {
                Text(name);
                Text(value);
            }

            WriteTime(w, run.Start);
            WriteTime(w, run.End);
            w.Write(run.ProcessingTime?.Ticks ?? long.MinValue);
            w.Write(run.RandomSeed.HasValue);
            w.Write(run.RandomSeed ?? 0L);
            w.Write(run.Outputs.Length);
            foreach (var output in run.Outputs)
            {
                Text(output.Name);
                Text(output.Location);
                Text(output.Path);
            }

            var sizes = run.OutputSizes.Length == run.Outputs.Length ? run.OutputSizes : [];
            w.Write(sizes.Length);
            foreach (var size in sizes)
            {
                w.Write(size);
            }

            w.Write(run.Requires?.Length ?? -1);
            foreach (var requirement in run.Requires ?? [])
            {
                Text(requirement.TaskName);
                Text(requirement.Id);
                Text(requirement.Name);
                Text(requirement.TypeName);
            }

            w.Write(run.Problems.Length);
            foreach (var problem in run.Problems)
            {
                Text(problem.Location);
                Text(problem.Message);
            }
        }

        w.Write(folderProblems.Count);
        foreach (var (kind, problem) in folderProblems)
        {
            w.Write(kind);
            Text(problem.Location);
            Text(problem.Message);
        }

        w.Write(outputFolders.Count);
        foreach (var (folder, time) in outputFolders)
        {
            Text(folder);
            w.Write(time);
        }
    }

    /// <summary>Decodes what <see cref="Write"/> wrote; <see cref="FormatException"/> (or an argument or index exception) when damaged.</summary>
    public static RunCache.Contents Read(ReadOnlySpan<byte> data)
    {
        var r = new Reader(data);
        var folderTimes = new long[r.Count()];
        for (var i = 0; i < folderTimes.Length; i++)
        {
            folderTimes[i] = r.Int64();
        }

        var strings = new string[r.Count()];
        var lengths = r.Take(strings.Length * sizeof(int));
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = Encoding.UTF8.GetString(r.Take(BinaryPrimitives.ReadInt32LittleEndian(lengths[(i * sizeof(int))..])));
        }

        var runs = new RunRecord[r.Count()];
        for (var n = 0; n < runs.Length; n++)
        {
            var run = new RunRecord(strings[r.Int32()], strings[r.Int32()]) { TypeName = Text(strings, r.Int32()) };
            var stamp = new long[r.Count()];
            for (var i = 0; i < stamp.Length; i++)
            {
                stamp[i] = r.Int64();
            }

            run.Stamp = stamp;
            var parameters = new KeyValuePair<string, string>[r.Count()];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = new(strings[r.Int32()], strings[r.Int32()]);
            }

            run.Parameters = parameters;
            run.Start = ReadTime(ref r);
            run.End = ReadTime(ref r);
            var ticks = r.Int64();
            run.ProcessingTime = ticks == long.MinValue ? null : TimeSpan.FromTicks(ticks);
            var hasSeed = r.Byte() != 0;
            var seed = r.Int64();
            run.RandomSeed = hasSeed ? seed : null;
            var outputs = new RecordedOutput[r.Count()];
            for (var i = 0; i < outputs.Length; i++)
            {
                outputs[i] = new RecordedOutput(strings[r.Int32()], strings[r.Int32()], Text(strings, r.Int32()));
            }

            run.Outputs = outputs;
            var sizeCount = r.Count();
            if (sizeCount > 0)
            {
                var sizes = new long[sizeCount == outputs.Length ? sizeCount : throw new FormatException("bad sizes")];
                for (var i = 0; i < sizes.Length; i++)
                {
                    sizes[i] = r.Int64();
                }

                run.OutputSizes = sizes;
            }

            var requireCount = r.Int32();
            if (requireCount >= 0)
            {
                var requires = new RunRequirement[requireCount];
                for (var i = 0; i < requires.Length; i++)
                {
                    requires[i] = new RunRequirement(strings[r.Int32()], strings[r.Int32()], Text(strings, r.Int32()), Text(strings, r.Int32()));
                }

                run.Requires = requires;
            }

            var problemCount = r.Count();
            if (problemCount > 0)
            {
                var problems = new LogProblem[problemCount];
                for (var i = 0; i < problems.Length; i++)
                {
                    problems[i] = new LogProblem(strings[r.Int32()], strings[r.Int32()]);
                }

                run.Problems = problems;
            }
            runs[n] = run;
        }

        var folderProblems = new (int Kind, LogProblem Problem)[r.Count()];
        for (var i = 0; i < folderProblems.Length; i++)
        {
            var kind = r.Int32();
            folderProblems[i] = ((uint)kind < (uint)folderTimes.Length ? kind : throw new FormatException("bad kind"), new LogProblem(strings[r.Int32()], strings[r.Int32()]));
        }

        var outputFolders = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = r.Count(); i > 0; i--)
        {
            outputFolders[strings[r.Int32()]] = r.Int64();
        }

        return r.AtEnd ? new RunCache.Contents(folderTimes, runs, folderProblems, outputFolders) : throw new FormatException("trailing bytes");
    }

    private static string? Text(string[] strings, int index) => index < 0 ? null : strings[index];

    private static void WriteTime(BinaryWriter w, DateTimeOffset? time)
    {
        w.Write(time?.UtcTicks ?? long.MinValue);
        w.Write((short)(time?.Offset.TotalMinutes ?? 0));
    }

    private static DateTimeOffset? ReadTime(ref Reader r)
    {
        var ticks = r.Int64();
        var offset = r.Int16();
        return ticks == long.MinValue ? null : new DateTimeOffset(ticks + (offset * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes(offset));
    }

    /// <summary>Little-endian numbers from a span (what <see cref="BinaryWriter"/> writes).</summary>
    private ref struct Reader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public readonly bool AtEnd => _rest.IsEmpty;

        public ReadOnlySpan<byte> Take(int length)
        {
            var taken = _rest[..length];
            _rest = _rest[length..];
            return taken;
        }

        public byte Byte() => Take(1)[0];

        public short Int16() => BinaryPrimitives.ReadInt16LittleEndian(Take(sizeof(short)));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)));

        /// <summary>A count: never negative, never more than the bytes left could hold.</summary>
        public int Count()
        {
            var count = Int32();
            return count < 0 || count > _rest.Length ? throw new FormatException("bad count") : count;
        }
    }
}
