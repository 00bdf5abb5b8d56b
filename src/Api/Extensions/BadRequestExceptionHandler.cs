using Microsoft.AspNetCore.Diagnostics;

namespace GridActors.Api.Extensions;

/// <summary>
/// Turns a request that could not be bound (malformed JSON, a wrong type, a missing body) into the
/// 4xx ProblemDetails it deserves instead of the exception handler's default 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }
        return await problemDetails.WriteProblem(http, exception, badRequest.StatusCode, "Bad Request", badRequest.Message);
    }
}
