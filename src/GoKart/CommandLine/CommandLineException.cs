namespace GoKart.CommandLine;

/// <summary>Bad arguments or configuration; the message is one line saying what is wrong and how to fix it.</summary>
internal sealed class CommandLineException(string message) : Exception(message);
