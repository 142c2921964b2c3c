using System.Diagnostics.CodeAnalysis;
using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Serialization;

namespace GoKart.Formats;

/// <summary>
/// <c>.xml</c>: an <see cref="XDocument"/> or <see cref="XElement"/> as is, or any type <see cref="XmlSerializer"/>
/// handles (public class with a parameterless constructor). Encoding: <see cref="Target.Encoding"/> (UTF-8 by default).
/// </summary>
public sealed class XmlFormat : IFormat
{
    private readonly ConcurrentDictionary<Type, XmlSerializer?> _serializers = new();

    /// <inheritdoc />
    public string Name => "xml";

    /// <inheritdoc />
    public IReadOnlyList<string> Extensions { get; } = [".xml"];

    /// <inheritdoc />
    public bool Supports(Type type) =>
        type == typeof(XDocument) || type == typeof(XElement) || (DynamicCode.IsSupported ? Serializer(type) is not null : throw DynamicCode.NotSupported($"XmlSerializer for {type.Name}"));

    /// <inheritdoc />
    public async ValueTask WriteAsync(Stream stream, object? value, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = new XmlWriterSettings { Async = true, Encoding = context.Target.Encoding ?? new UTF8Encoding(false), Indent = true };
        var writer = XmlWriter.Create(stream, settings);
        await using (writer.ConfigureAwait(false))
        {
            switch (value)
            {
                case XDocument document:
                    await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
                    break;
                case XElement element:
                    await element.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    if (!DynamicCode.IsSupported)
                    {
                        throw DynamicCode.NotSupported($"{context.Location}: XmlSerializer for {type.Name}");
                    }

                    var serializer = Serializer(type) ?? throw new InvalidDataException($"{context.Location}: XmlSerializer cannot write {type.Name}.");
                    serializer.Serialize(writer, value);
                    break;
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<object?> ReadAsync(Stream stream, Type type, FormatContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            if (type == typeof(XDocument))
            {
                return await XDocument.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
            }

            if (type == typeof(XElement))
            {
                return await XElement.LoadAsync(stream, LoadOptions.None, cancellationToken).ConfigureAwait(false);
            }

            if (!DynamicCode.IsSupported)
            {
                throw DynamicCode.NotSupported($"{context.Location}: XmlSerializer for {type.Name}");
            }

            var serializer = Serializer(type) ?? throw new InvalidDataException($"{context.Location}: XmlSerializer cannot read {type.Name}.");
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return serializer.Deserialize(reader);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"{context.Location}: not well-formed XML (line {e.LineNumber}, position {e.LinePosition}): {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidDataException($"{context.Location}: the XML does not match {type.Name}: {e.Message} {e.InnerException?.Message}", e);
        }
    }

    [RequiresUnreferencedCode("XmlSerializer reads the type's members by reflection.")]
    [RequiresDynamicCode("XmlSerializer generates code for the type.")]
    private XmlSerializer? Serializer(Type type) => _serializers.GetOrAdd(type, static t =>
    {
        if (t == typeof(object) || t.IsInterface || t.IsAbstract)
        {
            return null;
        }

        try
        {
            return new XmlSerializer(t);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    });
}
