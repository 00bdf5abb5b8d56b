namespace GridActors.Api.Open311;

/// <summary>
/// Under <c>/open311/</c> every error the framework raises — no such route, too many requests, a storage outage —
/// is written in Open311's error format rather than as ProblemDetails, because Open311 clients parse only that.
/// </summary>
public sealed class Open311ProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => Open311Endpoints.Covers(context.HttpContext.Request.Path);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var status = context.ProblemDetails.Status ?? http.Response.StatusCode;
        var description = context.ProblemDetails.Detail ?? context.ProblemDetails.Title
            ?? (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : $"HTTP {status}");
        await Open311Result.Error(status, description, Open311Format.Of(http.Request.Path)).ExecuteAsync(http);
    }
}
