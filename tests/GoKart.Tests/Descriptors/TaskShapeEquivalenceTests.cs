using System.Reflection;
using System.Runtime.CompilerServices;
using GoKart.Descriptors;
using GoKart.Generated;
using GoKart.Tests.Descriptors.ShapeCases;

namespace GoKart.Tests.Descriptors;

/// <summary>
/// The guard that the source generator's task shapes (built into this assembly) describe every task class exactly as
/// reflection does: the engine trusts a registered shape instead of reading the class.
/// </summary>
public sealed class TaskShapeEquivalenceTests
{
    public static TheoryData<Type> ShapedTypes() => new(ShapedTaskTypes());

    [Theory]
    [InlineData(typeof(EveryType))]
    [InlineData(typeof(Hashing.Child))]
    [InlineData(typeof(Execution.RetriedLater))]
    [InlineData(typeof(CommandLine.CliEcho))]
    [InlineData(typeof(ShapeDerived))]
    [InlineData(typeof(ShapeOwnOptions))]
    [InlineData(typeof(ShapeOuter.ShapeNested))]
    public void Registry_HasAShape_ForTaskClassesGeneratedCodeCanName(Type type)
    {
        Assert.NotNull(TaskShapes.Find(type));
        Assert.Contains(type, ShapedTaskTypes());
    }

    [Fact]
    public void Registry_HasNoShape_ForPrivateNestedAbstractOrGenericClasses()
    {
        Assert.Null(TaskShapes.Find(ShapeOuter.PrivateType));
        Assert.Null(TaskShapes.Find(typeof(ShapeBase<double>)));
        Assert.Null(TaskShapes.Find(typeof(ShapeBase<>)));
    }

    [Theory]
    [MemberData(nameof(ShapedTypes))]
    public void Shape_DescribesTheClass_AsReflectionDoes(Type type)
    {
        var shape = TaskShapes.Find(type)!();
        var reflected = Catch(() => TaskDescriptor.Read(type, null));
        var shaped = Catch(() => TaskDescriptor.Read(type, shape));
        if (reflected.Error is not null)
        {
            // A class reflection rejects (an unsupported parameter type) is rejected with the same message.
            Assert.Equal(reflected.Error.GetType(), shaped.Error?.GetType());
            Assert.Equal(reflected.Error.Message, shaped.Error!.Message);
            return;
        }

        var expected = reflected.Value!;
        var actual = shaped.Value!;
        Assert.Equal(expected.ClassName, actual.ClassName);
        Assert.Equal(expected.OutputType, actual.OutputType);
        Assert.Equal(expected.RowStreamRecord, actual.RowStreamRecord);
        Assert.Equal(expected.Options, actual.Options); // Attribute.Equals compares every field.
        Assert.Equal(expected.Retry, actual.Retry);
        Assert.Equal(Catch(() => expected.CodeVersion).ToString(), Catch(() => actual.CodeVersion).ToString());
        Assert.Equal(expected.HasRun, actual.HasRun);
        Assert.Equal(expected.Parameters.Select(p => p.Name), actual.Parameters.Select(p => p.Name));
        Assert.Equal(expected.TaskParameters.Select(p => p.Name), actual.TaskParameters.Select(p => p.Name));

        var task = Sample(type, expected);
        for (var i = 0; i < expected.Parameters.Length; i++)
        {
            var (e, a) = (expected.Parameters[i], actual.Parameters[i]);
            Assert.Equal((e.SnakeName, e.KebabName, e.Significant, e.Description, e.IsRequired), (a.SnakeName, a.KebabName, a.Significant, a.Description, a.IsRequired));
            Assert.Equal((e.Type.ClrType, e.Type.Kind, e.Type.DisplayName), (a.Type.ClrType, a.Type.Kind, a.Type.DisplayName));
            Assert.Equal((e.Property.DeclaringType, e.Property.MetadataToken), (a.Property.DeclaringType, a.Property.MetadataToken));
            Assert.Equal(Catch(() => e.GetValue(task)).ToString(), Catch(() => a.GetValue(task)).ToString());
            Assert.Equal(Catch(() => e.GetValue(task)).Value, Catch(() => a.GetValue(task)).Value);
        }
    }

    [Fact]
    public void Shape_ReadsInheritedAttributesAndBaseParameters_FromTheRightDeclarations()
    {
        var descriptor = TaskDescriptor.For(typeof(ShapeDerived));

        // Base first; Cache is [NotParameter] on the base; Hidden is the base's (first name wins); Narrow and Shared are not settable from outside.
        Assert.Equal(["Label", "Weight", "Hidden", "Mode", "Names", "Counts", "Upstream", "Upstreams"], descriptor.Parameters.Select(p => p.Name));
        Assert.Equal(new TaskOptionsAttribute { Significant = false, Rerun = true }, descriptor.Options);
        Assert.Equal((2, 0.125), (descriptor.Retry!.Count, descriptor.Retry.DelaySeconds));
        Assert.Null(descriptor.CodeVersion); // [CodeVersion] is not inherited.
        var task = new ShapeDerived(10) { Mode = Mode.Careful, Label = "l" };
        Assert.Equal([(object?)"l", 13, 12, Mode.Careful], descriptor.Parameters.Take(4).Select(p => p.GetValue(task)));
        Assert.Equal((false, "on the base"), (descriptor.Parameters[1].Significant, descriptor.Parameters[1].Description));
        Assert.True(descriptor.Parameters[3].IsRequired);
    }

    [Fact]
    public void ShapedParameter_SetsInitOnlyProperties_ByReflection()
    {
        var parameter = TaskDescriptor.For(typeof(ShapeDerived)).FindParameter("label")!;
        var task = new ShapeDerived(1) { Mode = Mode.Fast };

        parameter.SetValue(task, "set");

        Assert.Equal("set", task.Label);
    }

    private static List<Type> ShapedTaskTypes() =>
        [.. typeof(TaskShapeEquivalenceTests).Assembly.GetTypes().Where(t => typeof(TaskOnKart).IsAssignableFrom(t) && TaskShapes.Find(t) is not null)];

    // A task instance with distinct values in its int and string parameters, so that a getter reading the wrong property shows.
    private static TaskOnKart Sample(Type type, TaskDescriptor descriptor)
    {
        var task = (TaskOnKart)(type.GetConstructor(Type.EmptyTypes) is { } constructor ? constructor.Invoke(null) : RuntimeHelpers.GetUninitializedObject(type));
        for (var i = 0; i < descriptor.Parameters.Length; i++)
        {
            var parameter = descriptor.Parameters[i];
            object? value = parameter.Type.ClrType == typeof(int) ? 1000 + i : parameter.Type.ClrType == typeof(string) ? $"value {i}" : null;
            if (value is not null)
            {
                parameter.SetValue(task, value);
            }
        }

        return task;
    }

    private static Outcome<T> Catch<T>(Func<T> read)
    {
        try
        {
            return new Outcome<T>(read(), null);
        }
        catch (Exception e) when (e is TargetInvocationException or TaskDefinitionException or InvalidOperationException or NullReferenceException or ArgumentException)
        {
            return new Outcome<T>(default, e.InnerException ?? e);
        }
    }

    private sealed record Outcome<T>(T? Value, Exception? Error)
    {
        public override string ToString() => Error is null ? $"value {Value}" : $"{Error.GetType().Name}: {Error.Message}";
    }
}
