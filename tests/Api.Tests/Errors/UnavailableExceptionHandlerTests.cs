using System.Net.Sockets;
using GridActors.Api.Extensions;
using Npgsql;
using Orleans.Storage;

namespace GridActors.Api.Tests.Errors;

/// <summary>Which failures are outages that a client may retry (503), and which are defects that must show.</summary>
public sealed class UnavailableExceptionHandlerTests
{
    public static TheoryData<string, Exception> Outages => new()
    {
        { "the database cannot be reached", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)) },
        { "the database is shutting down", new PostgresException("terminating connection", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown) },
        { "a grain call timed out", new TimeoutException("Response did not arrive on time") },
        { "a concurrent write won", new InconsistentStateException("ETag mismatch") },
        { "wrapped by a grain call", new AggregateException(new InvalidOperationException("outer", new TimeoutException("inner"))) },
    };

    public static TheoryData<string, Exception> Defects => new()
    {
        { "a constraint was violated", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation) },
        { "the SQL is wrong", new PostgresException("syntax error", "ERROR", "ERROR", PostgresErrorCodes.SyntaxError) },
        { "a plain bug", new InvalidOperationException("Sequence contains no elements") },
    };

    [Theory]
    [MemberData(nameof(Outages))]
    public void Outages_AreUnavailable(string because, Exception failure) =>
        Assert.True(UnavailableExceptionHandler.IsUnavailable(failure), because);

    [Theory]
    [MemberData(nameof(Defects))]
    public void Defects_AreNot(string because, Exception failure) =>
        Assert.False(UnavailableExceptionHandler.IsUnavailable(failure), because);
}
