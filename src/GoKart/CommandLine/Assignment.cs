using GoKart.Descriptors;

namespace GoKart.CommandLine;

/// <summary>A parsed value for a task parameter and where it came from (for messages).</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Value">The parsed value.</param>
/// <param name="Origin">Where it was given: <c>--param</c>, <c>gokart.ini:3 [Task] param</c>.</param>
internal sealed record Assignment(ParameterDescriptor Parameter, object? Value, string Origin);
