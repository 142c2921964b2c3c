using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GoKart.Ui.Endpoints;

/// <summary>
/// The HTML shell of every page and the scripts and styles it loads, all embedded in this assembly. The shell holds
/// no data: the scripts fetch JSON and build the page with text nodes, so nothing recorded is ever parsed as HTML.
/// </summary>
internal static class PageEndpoints
{
    private static readonly string[] Pages = ["/", "/runs", "/run/{id}", "/graph/{id}", "/experiments", "/live", "/live/{id}"];

    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".html"] = "text/html; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        var shell = Asset("index.html")!;
        foreach (var page in Pages)
        {
            app.MapMethods(page, [HttpMethods.Get, HttpMethods.Head], () => Results.Bytes(shell, Types[".html"]));
        }

        app.MapMethods("/assets/{name}", [HttpMethods.Get, HttpMethods.Head], (string name, HttpContext http) =>
        {
            var bytes = Asset(name);
            if (bytes is null || !Types.TryGetValue(Path.GetExtension(name), out var type))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(bytes, type);
        });
    }

    private static byte[]? Asset(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return null;
        }

        using var stream = typeof(PageEndpoints).Assembly.GetManifestResourceStream("GoKart.Ui.Assets." + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
