using System.Threading.Channels;
using Microsoft.AspNetCore.Diagnostics;
using GridActors.Grains.Interfaces.Storage;
using GridActors.Silo.Postgres;
using Npgsql;
using Orleans.Serialization;
using Orleans.Storage;

namespace GridActors.Api.Extensions;

/// <summary>
/// When the database is down, a grain call times out, or the silo holding a grain has just died and the
/// cluster has not yet noticed, the request was not acknowledged and the client may retry it with the same
/// Idempotency-Key: that is a 503 with Retry-After, not a 500.
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsUnavailable(exception))
        {
            return false;
        }
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.WriteProblem(http, exception, StatusCodes.Status503ServiceUnavailable, "Temporarily unavailable",
            "The request was not acknowledged because storage or a silo did not answer in time. Retry it with the same Idempotency-Key.");
    }

    /// <summary>Whether the exception, or one it wraps, means "not done, try again" rather than a defect.</summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        // A database error that retrying cannot fix (a constraint, a syntax error) is a defect, not an outage.
        NpgsqlException database => StorageOutages.Find(database) is not null,
        // A database outage as it arrives from another silo (NpgsqlExceptionCodec).
        StorageUnavailableException => true,
        // Npgsql's exceptions are not among the types Orleans serializes, so one raised on another silo
        // arrives as this fallback, naming the original type.
        UnavailableExceptionFallbackException fallback => fallback.ExceptionType?.StartsWith("Npgsql.", StringComparison.Ordinal) == true,
        TimeoutException or InconsistentStateException or ChannelClosedException
            or SiloUnavailableException or OrleansMessageRejectionException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(IsUnavailable),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
