using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoKart.Execution;

/// <summary>
/// One reusable buffer and JSON writer for the run logs. Only the log writer's single pump uses it, so it needs no
/// locking; a fresh <see cref="Utf8JsonWriter"/> per log allocated a 4 KiB buffer for a 100-byte file.
/// </summary>
internal sealed class JsonScratch : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public JsonScratch() =>
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Starts a new document (an object) and returns the writer for its members.</summary>
    public Utf8JsonWriter Start()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        return _writer;
    }

    /// <summary>Closes the document; the bytes are valid until the next <see cref="Start"/>.</summary>
    public ReadOnlyMemory<byte> Finish()
    {
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _writer.Dispose();
}
