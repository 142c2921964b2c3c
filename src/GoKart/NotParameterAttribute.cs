namespace GoKart;

/// <summary>Keeps a public settable property of a task out of its parameters.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = true, AllowMultiple = false)]
public sealed class NotParameterAttribute : Attribute;
