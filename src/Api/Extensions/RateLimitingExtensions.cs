using System.Threading.RateLimiting;
using GridActors.Api.Auth;

namespace GridActors.Api.Extensions;

public static class RateLimitingExtensions
{
    public const string PerCaller = "per-caller";

    /// <summary>The per-caller limiter of the API groups; a refused request gets a 429 ProblemDetails.</summary>
    public static WebApplicationBuilder AddGridActorsRateLimiting(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>() ?? new();
        if (options.PermitsPerSecond < 1 || options.Burst < 1)
        {
            throw new InvalidOperationException("RateLimiting:PermitsPerSecond and RateLimiting:Burst must be at least 1.");
        }
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too Many Requests",
                        Detail = $"More than {options.PermitsPerSecond} requests a second from one caller; slow down and retry.",
                    },
                });
            };
            limiter.AddPolicy(PerCaller, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst(ClaimNames.Subject)?.Value ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
        return builder;
    }
}
