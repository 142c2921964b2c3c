using System.ComponentModel;

namespace GoKart;

/// <summary>
/// Written by the GoKart source generator (shipped in the GoKart package) for each task marked
/// <c>[CodeVersion(TrackCode = true)]</c>: a hash of the task class's normalised source, the same for Debug
/// and Release builds. Not meant to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class TaskSourceHashAttribute : Attribute
{
    /// <summary>Records the hash of a task type's source.</summary>
    /// <param name="typeName">The type's full name as <see cref="Type.FullName"/> gives it (generic definitions with their arity).</param>
    /// <param name="hash">32 hexadecimal digits.</param>
    public TaskSourceHashAttribute(string typeName, string hash)
    {
        TypeName = typeName;
        Hash = hash;
    }

    /// <summary>The type's full name.</summary>
    public string TypeName { get; }

    /// <summary>The source hash.</summary>
    public string Hash { get; }
}
