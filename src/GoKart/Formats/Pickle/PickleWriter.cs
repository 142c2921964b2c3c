using System.Buffers.Binary;
using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace GoKart.Formats.Pickle;

/// <summary>
/// Writes plain .NET data as a protocol 4 pickle (no memo, no globals): what <c>pickle.load</c> reads back as None,
/// bool, int, float, str, bytes, list, tuple, dict and set.
/// </summary>
internal sealed class PickleWriter
{
    private const int FlushThreshold = 1 << 20;
    private const int Batch = 1000;
    private readonly Stream _stream;
    private readonly string _location;
    private byte[] _buffer = new byte[FlushThreshold + 4096];
    private int _length;
    private int _depth;

    public PickleWriter(Stream stream, string location)
    {
        _stream = stream;
        _location = location;
    }

    public void WriteDocument(object? value)
    {
        Op(0x80);
        Byte(4);
        Write(value, "value");
        Op((byte)'.');
        Flush();
    }

    private void Write(object? value, string path)
    {
        if (++_depth > 1000)
        {
            throw new InvalidDataException($"{_location}: {path} nests more than 1000 levels (a cycle?).");
        }

        switch (value)
        {
            case null: Op((byte)'N'); break;
            case bool b: Op(b ? (byte)0x88 : (byte)0x89); break;
            case string s: String(s); break;
            case char c: String(c.ToString()); break;
            case byte[] bytes: Bytes(bytes); break;
            case ReadOnlyMemory<byte> memory: Bytes(memory.Span); break;
            case double d: Float(d); break;
            case float f: Float(f); break;
            case Half h: Float((double)h); break;
            case sbyte or byte or short or ushort or int or uint or long: Integer(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: Big(u); break;
            case BigInteger big: Big(big); break;
            case IReadOnlyList<double> doubles: Numbers(doubles, Float); break;
            case IReadOnlyList<long> longs: Numbers(longs, Integer); break;
            case IReadOnlyList<int> ints: Numbers(ints, i => Integer(i)); break;
            case IDictionary dictionary: Dict(dictionary, path); break;
            case ITuple tuple: Tuple(tuple, path); break;
            case IEnumerable enumerable when IsSet(value.GetType()): Items(enumerable, 0x8f, 0x90, path); break;
            case IEnumerable enumerable: Items(enumerable, (byte)']', (byte)'e', path); break;
            default:
                throw new InvalidDataException(
                    $"{_location}: {path} is a {value.GetType().Name}; a pickle here holds only None, bool, integers, floats, str, bytes, lists, tuples, dicts and sets.");
        }

        _depth--;
    }

    private void Integer(long value)
    {
        if (value is >= 0 and <= byte.MaxValue)
        {
            Op(0x4b);
            Byte((byte)value);
        }
        else if (value is >= 0 and <= ushort.MaxValue)
        {
            Op(0x4d);
            BinaryPrimitives.WriteUInt16LittleEndian(Reserve(2), (ushort)value);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            Op(0x4a);
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), (int)value);
        }
        else
        {
            Big(value);
        }
    }

    private void Big(BigInteger value)
    {
        if (value >= int.MinValue && value <= int.MaxValue)
        {
            Integer((long)value);
            return;
        }

        var bytes = value.ToByteArray(isUnsigned: false, isBigEndian: false);
        if (bytes.Length < 256)
        {
            Op(0x8a);
            Byte((byte)bytes.Length);
        }
        else
        {
            Op(0x8b);
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), bytes.Length);
        }

        Raw(bytes);
    }

    private void Float(double value)
    {
        Op((byte)'G');
        BinaryPrimitives.WriteDoubleBigEndian(Reserve(8), value);
    }

    private void String(string value)
    {
        var count = Encoding.UTF8.GetByteCount(value);
        if (count < 256)
        {
            Op(0x8c);
            Byte((byte)count);
        }
        else
        {
            Op((byte)'X');
            BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), (uint)count);
        }

        Ensure(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Bytes(ReadOnlySpan<byte> value)
    {
        if (value.Length < 256)
        {
            Op((byte)'C');
            Byte((byte)value.Length);
        }
        else
        {
            Op((byte)'B');
            BinaryPrimitives.WriteUInt32LittleEndian(Reserve(4), (uint)value.Length);
        }

        Raw(value);
    }

    private void Tuple(ITuple tuple, string path)
    {
        if (tuple.Length == 0)
        {
            Op((byte)')');
            return;
        }

        if (tuple.Length > 3)
        {
            Op((byte)'(');
        }

        for (var i = 0; i < tuple.Length; i++)
        {
            Write(tuple[i], $"{path}[{i}]");
        }

        Op(tuple.Length switch { 1 => 0x85, 2 => 0x86, 3 => 0x87, _ => (byte)'t' });
    }

    private void Items(IEnumerable items, byte empty, byte addMany, string path)
    {
        Op(empty);
        var index = 0;
        var inBatch = 0;
        foreach (var item in items)
        {
            if (inBatch == 0)
            {
                Op((byte)'(');
            }

            Write(item, $"{path}[{index++}]");
            if (++inBatch == Batch)
            {
                Op(addMany);
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            Op(addMany);
        }
    }

    // Typed loops for the common numeric lists: no boxing per element.
    private void Numbers<T>(IReadOnlyList<T> items, Action<T> write)
    {
        Op((byte)']');
        for (var start = 0; start < items.Count; start += Batch)
        {
            Op((byte)'(');
            var end = Math.Min(items.Count, start + Batch);
            for (var i = start; i < end; i++)
            {
                write(items[i]);
            }

            Op((byte)'e');
        }
    }

    private void Dict(IDictionary dictionary, string path)
    {
        Op((byte)'}');
        var inBatch = 0;
        foreach (DictionaryEntry entry in dictionary)
        {
            if (inBatch == 0)
            {
                Op((byte)'(');
            }

            Write(entry.Key, $"{path} key");
            Write(entry.Value, $"{path}[{entry.Key}]");
            if (++inBatch == Batch)
            {
                Op((byte)'u');
                inBatch = 0;
            }
        }

        if (inBatch > 0)
        {
            Op((byte)'u');
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "The type is that of a live value, so the program constructed it; "
        + "the trimmer keeps a constructed type's implementations of interfaces the program uses, and ISet<>/IReadOnlySet<> are used right here.")]
    private static bool IsSet(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ISet<>) || i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>)));

    private void Op(byte code) => Byte(code);

    private void Byte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    private Span<byte> Reserve(int count)
    {
        Ensure(count);
        _length += count;
        return _buffer.AsSpan(_length - count, count);
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int count)
    {
        if (_length + count <= _buffer.Length)
        {
            return;
        }

        Flush();
        if (count > _buffer.Length)
        {
            _buffer = new byte[count];
        }
    }

    // The writer recurses through nested values, so it flushes synchronously; memory stays at one buffer.
    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
