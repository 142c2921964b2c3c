using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace GoKart.Formats.Pickle;

/// <summary>
/// A pickle virtual machine for plain data only (protocols 0–5). It never imports or calls anything: the few
/// globals Python uses to pickle sets and bytes at protocol 2 are rebuilt here; any other global, object
/// construction or persistent id is an error. Results: null, bool, long or BigInteger, double, string, byte[],
/// <see cref="PickleList"/> (list; <see cref="PickleLists.Materialize"/> turns them into <c>List&lt;object?&gt;</c>),
/// <c>object?[]</c> (tuple), <c>Dictionary&lt;object, object?&gt;</c> (dict), <c>HashSet&lt;object?&gt;</c> (set, frozenset).
/// </summary>
internal sealed class PickleReader
{
    private static readonly object Mark = new();
    private readonly byte[] _data;
    private readonly int _end;
    private readonly string _location;
    private readonly List<object?> _stack = [];
    private readonly List<int> _marks = [];
    private readonly Dictionary<long, object?> _memo = [];
    private int _pos;

    public PickleReader(byte[] data, int length, string location)
    {
        _data = data;
        _end = length;
        _location = location;
    }

    public object? Read()
    {
        while (true)
        {
            if (_pos >= _end)
            {
                throw Error("the pickle ends before its STOP opcode (truncated file?)");
            }

            var at = _pos;
            var op = _data[_pos++];
            switch (op)
            {
                case 0x80: Take(1); break; // PROTO
                case 0x95: Take(8); break; // FRAME: frames are only a buffering hint
                case (byte)'.':
                    if (_stack.Count != 1 || _marks.Count != 0)
                    {
                        throw Error("STOP with a malformed stack (corrupt file?)");
                    }

                    return _stack[0];
                case (byte)'(':
                    if (!TryAppendFloatRun())
                    {
                        _marks.Add(_stack.Count);
                    }

                    break;
                case (byte)'0': Pop(); break;
                case (byte)'1': PopMark(); break;
                case (byte)'2': Push(Peek()); break;
                case (byte)'N': Push(null); break;
                case 0x88: Push(true); break;
                case 0x89: Push(false); break;
                case (byte)'K': Push((long)Take(1)[0]); break;
                case (byte)'M': Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2))); break;
                case (byte)'J': Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4))); break;
                case 0x8a: Push(Long(Take(Take(1)[0]))); break;
                case 0x8b: Push(Long(Take(Length32()))); break;
                case (byte)'I': Push(PickleText.TryInt(Line(), out var integer) ? integer : throw BadText("INT", at)); break;
                case (byte)'L': Push(PickleText.TryLong(Line(), out var big) ? big : throw BadText("LONG", at)); break;
                case (byte)'G': Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8))); break;
                case (byte)'F': Push(PickleText.TryFloat(Line(), out var real) ? real : throw BadText("FLOAT", at)); break;
                case 0x8c: Push(Utf8(Take(Take(1)[0]))); break;
                case (byte)'X': Push(Utf8(Take(Length32()))); break;
                case 0x8d: Push(Utf8(Take(Length64()))); break;
                case (byte)'V': Push(PickleText.RawUnicodeEscape(LineBytes(), out var bad) ?? throw Error($"the UNICODE opcode at byte {at} holds {bad}, which is not a Unicode code point (corrupt file?)")); break;
                case (byte)'U': Push(Encoding.Latin1.GetString(Take(Take(1)[0]))); break;
                case (byte)'T': Push(Encoding.Latin1.GetString(Take(Length32()))); break;
                case (byte)'S': Push(Line().Trim('\'', '"')); break;
                case (byte)'C': Push(Take(Take(1)[0]).ToArray()); break;
                case (byte)'B': Push(Take(Length32()).ToArray()); break;
                case 0x8e or 0x96: Push(Take(Length64()).ToArray()); break;
                case (byte)']': Push(new PickleList()); break;
                case (byte)'l': { var list = new PickleList(); list.AddRange(PopMark()); Push(list); break; }
                case (byte)'a': { var item = Pop(); As<PickleList>(Peek(), "APPEND").Add(item); break; }
                case (byte)'e': { var items = PopMark(); As<PickleList>(Peek(), "APPENDS").AddRange(items); break; }
                case (byte)')': Push(Array.Empty<object?>()); break;
                case (byte)'t': Push(PopMark().ToArray()); break;
                case 0x85: Push(PopN(1)); break;
                case 0x86: Push(PopN(2)); break;
                case 0x87: Push(PopN(3)); break;
                case (byte)'}': Push(new Dictionary<object, object?>()); break;
                case (byte)'d': { var dict = new Dictionary<object, object?>(); SetItems(dict, PopMark()); Push(dict); break; }
                case (byte)'s': { var value = Pop(); var key = Pop(); SetItems(As<Dictionary<object, object?>>(Peek(), "SETITEM"), [key, value]); break; }
                case (byte)'u': { var items = PopMark(); SetItems(As<Dictionary<object, object?>>(Peek(), "SETITEMS"), items); break; }
                case 0x8f: Push(new HashSet<object?>()); break;
                case 0x90: { var items = PopMark(); As<HashSet<object?>>(Peek(), "ADDITEMS").UnionWith(items); break; }
                case 0x91: Push(new HashSet<object?>(PopMark())); break;
                case (byte)'p': _memo[PickleText.TryMemoIndex(Line(), out var put) ? put : throw BadText("PUT", at)] = Peek(); break;
                case (byte)'q': _memo[Take(1)[0]] = Peek(); break;
                case (byte)'r': _memo[BinaryPrimitives.ReadUInt32LittleEndian(Take(4))] = Peek(); break;
                case 0x94: _memo[_memo.Count] = Peek(); break;
                case (byte)'g': Push(Memo(PickleText.TryMemoIndex(Line(), out var get) ? get : throw BadText("GET", at))); break;
                case (byte)'h': Push(Memo(Take(1)[0])); break;
                case (byte)'j': Push(Memo(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)))); break;
                case (byte)'c': Push(PickleGlobals.Resolve(Line(), Line(), this)); break;
                case 0x93: { var name = Pop(); var module = Pop(); Push(PickleGlobals.Resolve(module as string ?? "?", name as string ?? "?", this)); break; }
                case (byte)'R': { var args = Pop(); var callable = Pop(); Push(PickleGlobals.Call(callable, args, this)); break; }
                default:
                    throw Error($"opcode 0x{op:x2} ('{(char)op}') at byte {at} is not plain data (object construction, persistent ids and out-of-band buffers are refused; only None, bool, int, float, str, bytes, list, tuple, dict and set are read)");
            }
        }
    }

    internal InvalidDataException Error(string what) => new($"{_location}: {what}.");

    /// <summary>
    /// Python appends a list's items in batches: MARK, up to 1000 values, APPENDS. When the batch is all BINFLOATs
    /// going into a list of floats, they are decoded straight into it (no boxed value on the stack per float).
    /// Anything else — another opcode in the run, a frame boundary, another target — takes the general path.
    /// </summary>
    private bool TryAppendFloatRun()
    {
        if (_stack.Count == 0 || _stack[^1] is not PickleList { Doubles: { } doubles } || (_marks.Count > 0 && _marks[^1] >= _stack.Count))
        {
            return false;
        }

        var end = _pos;
        while (end + 9 <= _end && _data[end] == (byte)'G')
        {
            end += 9;
        }

        if (end == _pos || end >= _end || _data[end] != (byte)'e')
        {
            return false;
        }

        doubles.EnsureCapacity(doubles.Count + ((end - _pos) / 9));
        for (var at = _pos; at < end; at += 9)
        {
            doubles.Add(BinaryPrimitives.ReadDoubleBigEndian(_data.AsSpan(at + 1, 8)));
        }

        _pos = end + 1;
        return true;
    }

    private static object Long(ReadOnlySpan<byte> bytes) => PickleText.Normalize(new BigInteger(bytes, isUnsigned: false, isBigEndian: false));

    // The argument is the line just read; the error quotes it as Python's own message would.
    private InvalidDataException BadText(string opcode, int at)
    {
        var end = _data.AsSpan(at + 1, _pos - at - 2);
        return Error($"the {opcode} opcode at byte {at} holds '{Encoding.UTF8.GetString(end)}', which is not a valid number (corrupt file?)");
    }

    private string Utf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException($"{_location}: a str is not valid UTF-8 at byte {_pos} (corrupt file?).", e);
        }
    }

    private void SetItems(Dictionary<object, object?> dict, List<object?> items)
    {
        if (items.Count % 2 != 0)
        {
            throw Error("a dict has a key without a value (corrupt file?)");
        }

        for (var i = 0; i < items.Count; i += 2)
        {
            dict[items[i] ?? throw Error("a dict key is None, which .NET dictionaries cannot hold")] = items[i + 1];
        }
    }

    private T As<T>(object? value, string op) =>
        value is T typed ? typed : throw Error($"{op} applied to {value?.GetType().Name ?? "None"} (corrupt file?)");

    private object? Memo(long key) =>
        _memo.TryGetValue(key, out var value) ? value : throw Error($"memo entry {key} is read before it is written (corrupt file?)");

    private void Push(object? value) => _stack.Add(value);

    private object? Peek() =>
        _stack.Count > 0 && (_marks.Count == 0 || _marks[^1] < _stack.Count) ? _stack[^1] : throw Error("the stack is empty where a value is needed (corrupt file?)");

    private object? Pop()
    {
        var value = Peek();
        _stack.RemoveAt(_stack.Count - 1);
        return value;
    }

    private object?[] PopN(int count)
    {
        var items = new object?[count];
        for (var i = count - 1; i >= 0; i--)
        {
            items[i] = Pop();
        }

        return items;
    }

    private List<object?> PopMark()
    {
        if (_marks.Count == 0)
        {
            throw Error("a MARK is missing (corrupt file?)");
        }

        var start = _marks[^1];
        _marks.RemoveAt(_marks.Count - 1);
        var items = _stack.GetRange(start, _stack.Count - start);
        _stack.RemoveRange(start, _stack.Count - start);
        return items;
    }

    private ReadOnlySpan<byte> Take(long count)
    {
        if (count < 0 || _pos + count > _end)
        {
            throw Error($"the pickle is cut short: {count} bytes needed at byte {_pos} of {_end} (truncated file?)");
        }

        var span = _data.AsSpan(_pos, (int)count);
        _pos += (int)count;
        return span;
    }

    private int Length32()
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        return length > int.MaxValue ? throw Error("a length is too large (corrupt file?)") : (int)length;
    }

    private long Length64() => (long)BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    private string Line() => Encoding.UTF8.GetString(LineBytes());

    private ReadOnlySpan<byte> LineBytes()
    {
        var end = _data.AsSpan(_pos, _end - _pos).IndexOf((byte)'\n');
        if (end < 0)
        {
            throw Error("a text opcode has no end of line (truncated file?)");
        }

        var line = _data.AsSpan(_pos, end);
        _pos += end + 1;
        return line;
    }
}
