namespace GoKart.Formats.Pickle;

/// <summary>Turns the <see cref="PickleList"/>s of a read value into <c>List&lt;object?&gt;</c>, for callers that asked for objects.</summary>
internal static class PickleLists
{
    /// <summary>
    /// Replaces every list in <paramref name="raw"/> by its object list, in place. Walks with its own stack and a
    /// visited set, because pickles may be deep and may contain cycles (a list that holds itself); a list shared by
    /// two places stays one list.
    /// </summary>
    public static object? Materialize(object? raw)
    {
        if (raw is not (PickleList or List<object?> or object?[] or Dictionary<object, object?>))
        {
            return raw;
        }

        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var work = new Stack<object>();
        var result = Swap(raw, work);
        while (work.TryPop(out var container))
        {
            if (!seen.Add(container))
            {
                continue;
            }

            switch (container)
            {
                case List<object?> list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        list[i] = Swap(list[i], work);
                    }

                    break;
                case object?[] tuple:
                    for (var i = 0; i < tuple.Length; i++)
                    {
                        tuple[i] = Swap(tuple[i], work);
                    }

                    break;
                case Dictionary<object, object?> dict:
                    // Keys are hashable in Python, so they never hold lists; only values are swapped.
                    List<KeyValuePair<object, object?>>? changed = null;
                    foreach (var (key, value) in dict)
                    {
                        var swapped = Swap(value, work);
                        if (!ReferenceEquals(swapped, value))
                        {
                            (changed ??= []).Add(new(key, swapped));
                        }
                    }

                    changed?.ForEach(c => dict[c.Key] = c.Value);
                    break;
            }
        }

        return result;
    }

    private static object? Swap(object? value, Stack<object> work)
    {
        var replaced = value is PickleList list ? list.Objects() : value;
        if (replaced is List<object?> or object?[] or Dictionary<object, object?>)
        {
            work.Push(replaced);
        }

        return replaced;
    }
}
