using System.Text;

namespace GoKart.Experiments.Recording;

/// <summary>
/// Tees <see cref="Console.Out"/> and <see cref="Console.Error"/> into two files until disposed, then puts back
/// whatever writers were there before (so nested experiments unwind to the outer one's tee).
/// </summary>
internal sealed class ConsoleCapture : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly TextWriter _previousOut;
    private readonly TextWriter _previousError;
    private readonly StreamWriter _outFile;
    private readonly StreamWriter _errorFile;
    private bool _disposed;

    public ConsoleCapture(string stdoutPath, string stderrPath)
    {
        _previousOut = Console.Out;
        _previousError = Console.Error;
        _outFile = OpenAppend(stdoutPath);
        _errorFile = OpenAppend(stderrPath);
        Console.SetOut(new TeeTextWriter(_previousOut, _outFile));
        Console.SetError(new TeeTextWriter(_previousError, _errorFile));
    }

    public void Flush()
    {
        if (!_disposed)
        {
            Console.Out.Flush();
            Console.Error.Flush();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Console.Out.Flush();
        Console.Error.Flush();
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
        _outFile.Dispose();
        _errorFile.Dispose();
    }

    private static StreamWriter OpenAppend(string path)
        => new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), Utf8);
}
