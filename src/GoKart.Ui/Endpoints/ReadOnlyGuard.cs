using Microsoft.AspNetCore.Http;

namespace GoKart.Ui.Endpoints;

/// <summary>
/// The page only reads: any method but GET and HEAD is 405 before routing, whatever the path. Every response also
/// says what the browser may load (this server only: no inline script, no other origin) and not to sniff types.
/// </summary>
internal static class ReadOnlyGuard
{
    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            headers.Allow = "GET, HEAD";
            return Task.CompletedTask;
        }

        return next();
    }
}
