namespace GridActors.Silo.Configuration;

/// <summary><c>Storage</c> and <c>ConnectionStrings:Postgres</c>: where grain state, clustering and reminders live.</summary>
public sealed class StorageOptions
{
    public const string Memory = "memory";
    public const string Postgres = "postgres";

    /// <summary><c>memory</c> (the embedded default) or <c>postgres</c>.</summary>
    public string Kind { get; set; } = Memory;

    public string? PostgresConnectionString { get; set; }
}
