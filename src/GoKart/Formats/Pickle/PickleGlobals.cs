using System.Text;

namespace GoKart.Formats.Pickle;

/// <summary>
/// The only globals a plain-data pickle uses (Python's protocol 2 pickles sets, frozensets and bytes through
/// them). They are recognised by name and rebuilt as data; nothing is ever imported or executed.
/// </summary>
internal static class PickleGlobals
{
    private enum Builtin
    {
        Set,
        FrozenSet,
        Bytes,
        ByteArray,
        CodecsEncode,
    }

    public static object Resolve(string module, string name, PickleReader reader) => (module, name) switch
    {
        ("builtins" or "__builtin__", "set") => Builtin.Set,
        ("builtins" or "__builtin__", "frozenset") => Builtin.FrozenSet,
        ("builtins" or "__builtin__", "bytes") => Builtin.Bytes,
        ("builtins" or "__builtin__", "bytearray") => Builtin.ByteArray,
        ("_codecs", "encode") => Builtin.CodecsEncode,
        _ => throw reader.Error($"the pickle refers to {module}.{name}; only plain data is read, never classes or functions"),
    };

    public static object Call(object? callable, object? arguments, PickleReader reader)
    {
        if (callable is not Builtin builtin || arguments is not object?[] args)
        {
            throw reader.Error("REDUCE on something that is not a known builtin (only plain data is read)");
        }

        return (builtin, args) switch
        {
            (Builtin.Set or Builtin.FrozenSet, []) => new HashSet<object?>(),
            (Builtin.Set or Builtin.FrozenSet, [IEnumerable<object?> items]) => new HashSet<object?>(items),
            (Builtin.Bytes or Builtin.ByteArray, []) => Array.Empty<byte>(),
            (Builtin.Bytes or Builtin.ByteArray, [byte[] bytes]) => bytes,
            (Builtin.Bytes or Builtin.ByteArray, [string text, "latin1" or "latin-1"]) => Encoding.Latin1.GetBytes(text),
            (Builtin.CodecsEncode, [string text, "latin1" or "latin-1"]) => Encoding.Latin1.GetBytes(text),
            _ => throw reader.Error($"{builtin} called with arguments GoKart.NET does not rebuild"),
        };
    }
}
