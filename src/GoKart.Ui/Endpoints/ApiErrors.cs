using Microsoft.AspNetCore.Http;

namespace GoKart.Ui.Endpoints;

/// <summary>Error answers of the JSON API: a status code and a message naming what was wrong.</summary>
internal static class ApiErrors
{
    public static IResult NotFound(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status404NotFound);

    public static IResult BadRequest(string message) => Results.Json(new { error = message }, statusCode: StatusCodes.Status400BadRequest);
}
