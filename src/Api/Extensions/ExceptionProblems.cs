namespace GridActors.Api.Extensions;

/// <summary>How the exception handlers answer: the status, then a ProblemDetails body through the app's service.</summary>
internal static class ExceptionProblems
{
    public static ValueTask<bool> WriteProblem(
        this IProblemDetailsService problemDetails, HttpContext http, Exception exception, int status, string title, string detail)
    {
        http.Response.StatusCode = status;
        return problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
