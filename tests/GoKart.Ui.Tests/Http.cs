using System.Net;
using System.Text.Json;

namespace GoKart.Ui.Tests;

/// <summary>A client of the test server and small JSON helpers.</summary>
internal static class Http
{
    private static readonly HttpClient Client = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };

    public static async Task<(HttpStatusCode Status, string? Type, string Body, HttpResponseMessage Response)> GetAsync(UiWorkspace ws, string path, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(ws.Server.Url, path));
        var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, response);
    }

    public static async Task<JsonElement> JsonAsync(UiWorkspace ws, string path)
    {
        var (status, type, body, _) = await GetAsync(ws, path);
        Assert.True(status == HttpStatusCode.OK, $"{path}: {status} {body}");
        Assert.Equal("application/json", type);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
