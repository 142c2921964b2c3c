using Microsoft.CodeAnalysis;

namespace GoKart.Generators;

/// <summary>The GoKart and runtime types the task-shape generator needs; null when the compilation lacks any of them.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(INamedTypeSymbol taskOnKart, INamedTypeSymbol taskOptions, INamedTypeSymbol retry, INamedTypeSymbol codeVersion, INamedTypeSymbol parameter, INamedTypeSymbol notParameter)
    {
        TaskOnKart = taskOnKart;
        TaskOptions = taskOptions;
        Retry = retry;
        CodeVersion = codeVersion;
        Parameter = parameter;
        NotParameter = notParameter;
    }

    public INamedTypeSymbol TaskOnKart { get; }

    public INamedTypeSymbol TaskOptions { get; }

    public INamedTypeSymbol Retry { get; }

    public INamedTypeSymbol CodeVersion { get; }

    public INamedTypeSymbol Parameter { get; }

    public INamedTypeSymbol NotParameter { get; }

    /// <summary>
    /// Null when the referenced GoKart predates task shapes, or the target framework has no module initializers:
    /// then nothing is generated and the engine reads every class by reflection.
    /// </summary>
    public static KnownSymbols? For(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName("GoKart.Generated.TaskShapes") is null
            || compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is null)
        {
            return null;
        }

        var taskOnKart = compilation.GetTypeByMetadataName("GoKart.TaskOnKart`1");
        var taskOptions = compilation.GetTypeByMetadataName("GoKart.TaskOptionsAttribute");
        var retry = compilation.GetTypeByMetadataName("GoKart.RetryAttribute");
        var codeVersion = compilation.GetTypeByMetadataName("GoKart.CodeVersionAttribute");
        var parameter = compilation.GetTypeByMetadataName("GoKart.ParameterAttribute");
        var notParameter = compilation.GetTypeByMetadataName("GoKart.NotParameterAttribute");
        return taskOnKart is null || taskOptions is null || retry is null || codeVersion is null || parameter is null || notParameter is null
            ? null
            : new KnownSymbols(taskOnKart, taskOptions, retry, codeVersion, parameter, notParameter);
    }
}
