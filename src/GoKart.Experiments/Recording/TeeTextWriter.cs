using System.Text;

namespace GoKart.Experiments.Recording;

/// <summary>Writes everything to the terminal writer it replaced and to a file, flushing the file at each line.</summary>
internal sealed class TeeTextWriter : TextWriter
{
    private readonly TextWriter _original;
    private readonly TextWriter _file;

    public TeeTextWriter(TextWriter original, TextWriter file)
        : base(original.FormatProvider)
    {
        _original = original;
        _file = file;
    }

    public override Encoding Encoding => _original.Encoding;

    public override string NewLine
    {
        get => _original.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine accepts null to mean the default.
        set
#pragma warning restore CS8765
        {
            _original.NewLine = value;
            _file.NewLine = value;
        }
    }

    public override void Write(char value)
    {
        _original.Write(value);
        _file.Write(value);
    }

    public override void Write(string? value)
    {
        _original.Write(value);
        _file.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        _original.Write(buffer, index, count);
        _file.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        _original.Write(buffer);
        _file.Write(buffer);
    }

    public override void WriteLine()
    {
        _original.WriteLine();
        _file.WriteLine();
        _file.Flush();
    }

    public override void WriteLine(string? value)
    {
        _original.WriteLine(value);
        _file.WriteLine(value);
        _file.Flush();
    }

    public override void Flush()
    {
        _original.Flush();
        _file.Flush();
    }
}
