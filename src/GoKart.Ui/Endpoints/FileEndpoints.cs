using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace GoKart.Ui.Endpoints;

/// <summary>
/// <c>/api/file?root=workspace|experiments&amp;path=…</c>: a file's bytes with its content type (images inline,
/// the rest as a download). Only relative paths inside the root; <c>..</c>, absolute paths and symbolic links
/// leading out are 404, as are files that do not exist.
/// </summary>
internal static class FileEndpoints
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly string[] Images = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"];

    public static bool IsImage(string path) => Images.Contains(Path.GetExtension(path).ToLowerInvariant());

    public static void Map(IEndpointRouteBuilder app, UiContext ui) =>
        app.MapMethods("/api/file", [HttpMethods.Get, HttpMethods.Head], async (string? root, string? path, string? download, HttpContext http, CancellationToken ct) =>
        {
            var stream = await OpenAsync(ui, root, path, ct).ConfigureAwait(false);
            if (stream is null)
            {
                return ApiErrors.NotFound($"No file '{path}' in the {root ?? "workspace"}.");
            }

            var type = ContentTypes.TryGetContentType(path!, out var known) ? known : "application/octet-stream";
            // A served file is never a page of this site: no script runs in it even when opened directly (an SVG).
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";
            var attachment = download is "1" or "true" || !IsImage(path!);
            return Results.Stream(stream, type, attachment ? Path.GetFileName(path) : null);
        });

    private static async Task<Stream?> OpenAsync(UiContext ui, string? root, string? path, CancellationToken ct)
    {
        try
        {
            switch (root ?? "workspace")
            {
                case "workspace":
                    var store = ui.Runs.Index.Store;
                    return SafePaths.IsInside(store, path) ? await store.OpenReadAsync(path!, ct).ConfigureAwait(false) : null;
                case "experiments":
                    var full = ui.ExperimentsDirectory is { } dir ? SafePaths.Under(dir, path) : null;
                    return full is not null && File.Exists(full)
                        ? new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 65536, useAsync: true)
                        : null;
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
