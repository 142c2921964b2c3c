using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace GoKart.Generators.Tests;

public sealed partial class TaskSourceHashGeneratorTests
{
    private const string Task = """
        using GoKart;

        namespace Demo;

        /// <summary>A task.</summary>
        [CodeVersion(TrackCode = true)]
        public sealed class Train : TaskOnKart<int>
        {
            protected override int Run()
            {
        #if DEBUG
                System.Console.WriteLine("debug");
        #endif
                return 41 + 1; // the answer
            }
        }
        """;

    private static (string? Generated, Compilation Output) Generate(string source, bool release = false)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: release ? ["RELEASE", "TRACE"] : ["DEBUG", "TRACE"]);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(CodeVersionAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Demo",
            [CSharpSyntaxTree.ParseText(source, parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: release ? OptimizationLevel.Release : OptimizationLevel.Debug));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new TaskSourceHashGenerator().AsSourceGenerator()], parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = driver.GetRunResult().GeneratedTrees.SingleOrDefault();
        return (tree?.ToString(), output);
    }

    private static string HashOf(string generated, string typeName)
    {
        var match = Regex.Match(generated, $"TaskSourceHashAttribute\\(\"{Regex.Escape(typeName)}\", \"([0-9a-f]{{32}})\"\\)");
        Assert.True(match.Success, generated);
        return match.Groups[1].Value;
    }

    [Fact]
    public void Generate_DebugAndRelease_RecordTheSameHash()
    {
        var debug = HashOf(Generate(Task).Generated!, "Demo.Train");
        var release = HashOf(Generate(Task, release: true).Generated!, "Demo.Train");

        Assert.Equal(debug, release);
    }

    [Fact]
    public void Generate_Hash_IsSha256OfTheTokensOneSpaceApart()
    {
        const string source = "using GoKart;\n[CodeVersion(TrackCode = true)]\npublic sealed class T : TaskOnKart<int>\n{\n    protected override int Run() => 1; // one\n}\n";
        const string tokens = "[ CodeVersion ( TrackCode = true ) ] public sealed class T : TaskOnKart < int > { protected override int Run ( ) => 1 ; }";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tokens)))[..32];

        Assert.Equal(expected, HashOf(Generate(source).Generated!, "T"));
    }

    [Theory]
    [InlineData("return 41 + 1; // the answer", "return 41+1;")]
    [InlineData("/// <summary>A task.</summary>", "/// <summary>Another description.</summary>\n#region things")]
    [InlineData("{\n#if DEBUG", "{\n\n\n#if DEBUG")]
    public void Generate_WhitespaceCommentsAndRegions_DoNotChangeTheHash(string original, string replacement)
    {
        Assert.Contains(original, Task, StringComparison.Ordinal);
        var edited = Task.Replace(original, replacement, StringComparison.Ordinal).Replace("}\n}", replacement.Contains("#region", StringComparison.Ordinal) ? "}\n#endregion\n}" : "}\n}", StringComparison.Ordinal);

        Assert.Equal(HashOf(Generate(Task).Generated!, "Demo.Train"), HashOf(Generate(edited).Generated!, "Demo.Train"));
    }

    [Theory]
    [InlineData("41 + 1", "41 + 2")]
    [InlineData("\"debug\"", "\"debugging\"")]
    [InlineData("#if DEBUG", "#if TRACE")]
    public void Generate_CodeEdits_ChangeTheHashInEveryConfiguration(string original, string replacement)
    {
        var edited = Task.Replace(original, replacement, StringComparison.Ordinal);

        Assert.NotEqual(HashOf(Generate(Task, release: true).Generated!, "Demo.Train"), HashOf(Generate(edited, release: true).Generated!, "Demo.Train"));
        Assert.NotEqual(HashOf(Generate(Task).Generated!, "Demo.Train"), HashOf(Generate(edited).Generated!, "Demo.Train"));
    }

    [Fact]
    public void Generate_NestedGenericAndPartial_UseRuntimeNamesAndEveryPart()
    {
        const string source = """
            using GoKart;
            namespace Demo.Inner;
            public static class Outer
            {
                [CodeVersion(TrackCode = true)]
                public sealed partial class Step<T> : TaskOnKart<int> { protected override int Run() => Other(); }

                public sealed partial class Step<T> { private static int Other() => 1; }
            }
            """;

        var generated = Generate(source).Generated!;
        var edited = Generate(source.Replace("Other() => 1", "Other() => 2", StringComparison.Ordinal)).Generated!;

        // The name the engine looks up at run time, for the same shape of type in this assembly.
        Assert.Equal("GoKart.Generators.Tests.Outer+Step`1", typeof(Outer.Step<>).FullName);
        Assert.NotEqual(HashOf(generated, "Demo.Inner.Outer+Step`1"), HashOf(edited, "Demo.Inner.Outer+Step`1"));
    }

    [Fact]
    public void Generate_WithoutTrackCode_WritesNothing()
    {
        Assert.Null(Generate(Task.Replace("TrackCode = true", "\"3\"", StringComparison.Ordinal)).Generated);
        Assert.Null(Generate(Task.Replace("TrackCode = true", "TrackCode = false", StringComparison.Ordinal)).Generated);
    }

    [Fact]
    public void Compiled_EngineReadsTheRecordedHashIntoTheId()
    {
        var (generated, output) = Generate(Task);
        using var image = new MemoryStream();
        Assert.True(output.Emit(image).Success);
        var assembly = Assembly.Load(image.ToArray());
        var type = assembly.GetType("Demo.Train")!;

        var task = (TaskOnKart)Activator.CreateInstance(type)!;

        // gokart's id text for a task without parameters, with the code version as one more list element.
        var text = $"[{{}}, 'Train', 'source={HashOf(generated!, "Demo.Train")}']";
#pragma warning disable CA5351 // gokart's unique ids are MD5 hex digests.
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text))), task.UniqueId);
#pragma warning restore CA5351
    }
}

public static class Outer
{
    public sealed class Step<T>;
}
