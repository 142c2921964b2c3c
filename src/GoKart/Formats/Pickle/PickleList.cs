using System.Collections;
using System.Runtime.InteropServices;

namespace GoKart.Formats.Pickle;

/// <summary>
/// A Python list while a pickle is read. A list of floats (a column, a vector: the large case) keeps its values
/// unboxed, so reading 10 million floats into <c>double[]</c> holds 80 MB rather than 10 million boxed objects; the
/// first item that is not a float turns it into an ordinary object list. The object identity stays the same
/// either way, because the pickle's memo may refer to the list before it is filled.
/// </summary>
internal sealed class PickleList : IEnumerable<object?>
{
    private List<double>? _doubles = [];
    private List<object?>? _objects;

    /// <summary>The values while every item so far is a float; null once the list holds anything else.</summary>
    public List<double>? Doubles => _doubles;

    public void Add(object? item)
    {
        if (_doubles is not null && item is double d)
        {
            _doubles.Add(d);
        }
        else
        {
            Objects().Add(item);
        }
    }

    public void AddRange(List<object?> items)
    {
        if (_doubles is not null && items.TrueForAll(i => i is double))
        {
            _doubles.EnsureCapacity(_doubles.Count + items.Count);
            foreach (var item in CollectionsMarshal.AsSpan(items))
            {
                _doubles.Add((double)item!);
            }
        }
        else
        {
            Objects().AddRange(items);
        }
    }

    /// <summary>The items as objects (boxing floats once, when a caller asks for objects).</summary>
    public List<object?> Objects()
    {
        if (_objects is null)
        {
            _objects = new List<object?>(_doubles!.Count);
            foreach (var value in CollectionsMarshal.AsSpan(_doubles))
            {
                _objects.Add(value);
            }

            _doubles = null;
        }

        return _objects;
    }

    public IEnumerator<object?> GetEnumerator() =>
        _doubles is { } doubles ? doubles.Select(d => (object?)d).GetEnumerator() : _objects!.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
