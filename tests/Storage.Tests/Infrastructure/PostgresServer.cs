namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test command starts (<c>eng/postgres.sh</c>), named by
/// <c>GRIDACTORS_TEST_POSTGRES</c>. Without it the storage tests fail rather than skip: a run that passes
/// without a database has proved nothing about storage.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "GRIDACTORS_TEST_POSTGRES";

    /// <summary>A connection string with rights to create and drop databases.</summary>
    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } connectionString
            ? connectionString
            : throw new InvalidOperationException(
                $"{Variable} is not set, so there is no PostgreSQL server to test against. " +
                "Run the tests with `bash eng/test.sh`, which starts a throwaway server and sets it, " +
                $"or set {Variable} to an admin connection string (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).");
}
