using System.Reflection;
using System.Text.RegularExpressions;
using GoKart.Generated;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoKart.Generators.Tests;

public sealed class TaskShapeGeneratorTests
{
    // Shapes the generator must either describe with code that compiles cleanly, or leave to reflection.
    private const string Tasks = """
        using System;
        using System.Collections.Generic;
        using GoKart;

        namespace Demo;

        public enum Speed { Slow, Fast = 7 }

        public sealed record Point(int X, int Y);

        [TaskOptions(Significant = false, ShouldLockRun = true)]
        [Retry(3, DelaySeconds = 1e-5)]
        public abstract class Base<T> : TaskOnKart<T>
        {
            [Parameter(Description = "a \"quoted\"\nline", Significant = false)]
            public virtual int Weight { get; set; } = 1;

            public string? Label { get; init; }
        }

        [CodeVersion]
        public sealed class Everything : Base<List<double>>
        {
            public required Speed Speed { get; init; }

            public override int Weight { get; set; } = 2;

            public int @class { get; set; } = 3;

            [Parameter(Granularity = DateGranularity.Month)]
            public DateOnly Month { get; init; }

            public IReadOnlyList<string> Names { get; init; } = ["a"];

            public Dictionary<string, Speed> BySpeed { get; init; } = new();

            public TaskOnKart<int>? Upstream { get; init; }

            public IReadOnlyList<TaskOnKart<int>> Upstreams { get; init; } = [];

            public Point? Where { get; init; }

            public (int A, string B) Pair { get; init; }

            [NotParameter]
            public object? Scratch { get; set; }

            internal int Internal { get; set; }

            protected override List<double> Run() => [];
        }

        public static class Outer
        {
            internal sealed class Nested : TaskOnKart<int> { public int N { get; init; } protected override int Run() => N; }

            private sealed class Hidden : TaskOnKart<int> { protected override int Run() => 0; }

            protected internal sealed class Reachable : TaskOnKart<int> { protected override int Run() => 0; }
        }

        public sealed class Generic<T> : TaskOnKart<int> { protected override int Run() => 0; }

        public class Container<T> { public sealed class InGeneric : TaskOnKart<int> { protected override int Run() => 0; } }

        public abstract class Abstract : TaskOnKart<int>;

        public sealed partial class Split : TaskOnKart<int> { protected override int Run() => 0; }

        public sealed class OldParameter : TaskOnKart<int>
        {
            [Obsolete("old")]
            public int Old { get; set; }

            protected override int Run() => 0;
        }

        public class ProtectedGetter : TaskOnKart<int>
        {
            public int Value { protected get; set; }

            protected override int Run() => Value;
        }

        file sealed class FileLocal : TaskOnKart<int> { protected override int Run() => 0; }

        internal sealed class Internal : TaskOnKart<string> { protected override string Run() => ""; }
        """;

    private static (string? Generated, Compilation Output) Generate(string source, LanguageVersion language = LanguageVersion.Latest)
    {
        var parse = new CSharpParseOptions(language);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(TaskShapes).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Demo",
            [CSharpSyntaxTree.ParseText(source, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != "CS0618"));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new TaskShapeGenerator().AsSourceGenerator()], parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        var tree = driver.GetRunResult().GeneratedTrees.SingleOrDefault();

        // Generated code adds no error and no warning of its own.
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree == tree));
        return (tree?.ToString(), output);
    }

    [Fact]
    public void Generate_TrickyShapes_CompileWithoutDiagnostics_AndSkipWhatCannotBeNamed()
    {
        var generated = Generate(Tasks).Generated!;

        // Skipped (reflection reads them): private, generic, in a generic class, abstract, partial, with an obsolete
        // parameter, with a getter generated code cannot call, file-local.
        var registered = Regex.Matches(generated, @"Register\(typeof\(global::([^)]*)\),").Select(m => m.Groups[1].Value);
        Assert.Equal(["Demo.Everything", "Demo.Internal", "Demo.Outer.Nested", "Demo.Outer.Reachable"], registered);
    }

    [Fact]
    public void Generate_WithoutTasks_WritesNothing()
    {
        Assert.Null(Generate("namespace Demo; public sealed class Plain { public int X { get; set; } }").Generated);
    }

    [Fact]
    public void Generate_BeforeCSharp9_WritesNothing()
    {
        const string source = "namespace Demo { public sealed class T : GoKart.TaskOnKart<int> { protected override int Run() => 0; } }";

        Assert.NotNull(Generate(source, LanguageVersion.CSharp9).Generated);
        Assert.Null(Generate(source, LanguageVersion.CSharp8).Generated);
    }

    [Fact]
    public void Compiled_RegistersShapes_ThatReadTheClassAsReflectionWould()
    {
        var (_, output) = Generate(Tasks);
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType("Demo.Everything")!;

        var task = (TaskOnKart)Activator.CreateInstance(type)!; // Runs the module initializer.
        var find = typeof(TaskShapes).GetMethod("Find", BindingFlags.NonPublic | BindingFlags.Static)!;
        var shape = ((Func<TaskShape>)find.Invoke(null, [type])!)();

        Assert.Equal(typeof(List<double>), shape.OutputType);
        Assert.Equal((false, true), (shape.Options!.Significant, shape.Options.ShouldLockRun));
        Assert.Equal((3, 1e-5), (shape.Retry!.Count, shape.Retry.DelaySeconds));
        Assert.Null(shape.CodeVersion!.Version);
        Assert.Equal(
            ["Weight", "Label", "Speed", "class", "Month", "Names", "BySpeed", "Upstream", "Upstreams", "Where", "Pair"],
            shape.Parameters.Select(p => p.Name));
        var weight = shape.Parameters[0];
        Assert.Equal((type.BaseType, "a \"quoted\"\nline", false), (weight.DeclaringType, weight.Attribute!.Description, weight.Attribute.Significant));
        Assert.Equal(2, weight.Get(task)); // The override's value, read through the base property as reflection does.
        Assert.Equal(3, shape.Parameters[3].Get(task));
        Assert.True(shape.Parameters[2].IsRequired);
        Assert.Equal(DateGranularity.Month, shape.Parameters[4].Attribute!.Granularity);
        Assert.Equal(typeof(ValueTuple<int, string>), shape.Parameters[10].PropertyType);
    }
}
