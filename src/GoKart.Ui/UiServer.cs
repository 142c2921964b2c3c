using System.Net;
using System.Text.Encodings.Web;
using GoKart.Ui.Endpoints;
using GoKart.Ui.Live;
using GoKart.Viewer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GoKart.Ui;

/// <summary>
/// The <c>gokart ui</c> web page: a read-only Kestrel server over a workspace's runs, dependency graphs, build
/// journals and experiments. Only GET and HEAD are answered; every file it serves lies inside the workspace or the
/// experiments folder; scripts and styles come from this assembly.
/// </summary>
/// <example>
/// <code>
/// await using var server = await UiServer.StartAsync(new UiOptions { Workspace = "resources", ExperimentsDirectory = "experiments" }, ct);
/// Console.WriteLine($"GoKart UI: {server.Url}");
/// await server.WaitForShutdownAsync(ct);
/// </code>
/// </example>
public sealed class UiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RunsSource _runs;

    private UiServer(WebApplication app, RunsSource runs, Uri url)
    {
        _app = app;
        _runs = runs;
        Url = url;
    }

    /// <summary>The address the page is served at, e.g. <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Opens the workspace, loads its index once, and starts listening.</summary>
    /// <exception cref="DirectoryNotFoundException">A local workspace or the experiments folder does not exist.</exception>
    /// <exception cref="ArgumentException">No provider for the workspace's scheme, or a host that is not an address.</exception>
    public static async Task<UiServer> StartAsync(UiOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Workspace.Contains("://", StringComparison.Ordinal) && !Directory.Exists(options.Workspace))
        {
            throw new DirectoryNotFoundException($"Workspace '{options.Workspace}' does not exist (give a folder or s3://bucket/prefix).");
        }

        if (options.ExperimentsDirectory is { } experiments && !Directory.Exists(experiments))
        {
            throw new DirectoryNotFoundException($"Experiments directory '{experiments}' does not exist.");
        }

        var address = await AddressOf(options.Host, cancellationToken).ConfigureAwait(false);
        var index = WorkspaceIndex.Open(options.Workspace, new WorkspaceIndexOptions { StoreProviders = options.StoreProviders, CacheDirectory = options.CacheDirectory });
        var runs = new RunsSource(index, options.RefreshInterval, options.TimeProvider);
        try
        {
            return await StartAsync(options, address, runs, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            runs.Dispose();
            throw;
        }
    }

    private static async Task<UiServer> StartAsync(UiOptions options, IPAddress address, RunsSource runs, CancellationToken cancellationToken)
    {
        var index = runs.Index;
        await runs.GetAsync(cancellationToken).ConfigureAwait(false);
        var context = new UiContext(runs, new BuildJournals(index.Store), options.ExperimentsDirectory is { } dir ? Path.GetFullPath(dir) : null, options.TimeProvider);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(UiServer).Assembly.GetName().Name, Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Port));
        builder.Services.AddSingleton(context);
        // JSON answers escape <, > and & too (JavaScriptEncoder.Default), so no recorded text is ever markup, whatever reads it.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.Default);
        var app = builder.Build();
        app.Use(ReadOnlyGuard.InvokeAsync);
        PageEndpoints.Map(app);
        RunEndpoints.Map(app, context);
        FileEndpoints.Map(app, context);
        ExperimentEndpoints.Map(app, context);
        BuildEndpoints.Map(app, context);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The port is taken, or the address cannot be bound: release what was built before saying so.
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UiServer(app, runs, new Uri(bound.TrimEnd('/') + "/"));
    }

    /// <summary>Completes when the server stops or <paramref name="cancellationToken"/> is cancelled (Ctrl+C).</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the normal way to stop.
        }
    }

    /// <summary>Stops listening and releases the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _runs.Dispose();
    }

    private static async Task<IPAddress> AddressOf(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }

        if (host == "*")
        {
            return IPAddress.Any;
        }

        try
        {
            var found = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return found.FirstOrDefault() ?? throw new ArgumentException($"Host '{host}' has no address.", nameof(host));
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ArgumentException($"Host '{host}' is not an address or a known name: {e.Message}", nameof(host), e);
        }
    }
}
