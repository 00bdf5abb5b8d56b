using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// Which database failures mean "not done, try again": the server did not answer, refused for lack of
/// resources, or was restarting. A constraint or a syntax error is a defect instead, and is not one of them.
/// </summary>
public static class StorageOutages
{
    /// <summary>The outage in the exception or any it wraps, or null.</summary>
    public static NpgsqlException? Find(Exception? exception) => exception switch
    {
        null => null,
        NpgsqlException database when database.IsTransient || database is not PostgresException => database,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(found => found is not null),
        _ => Find(exception.InnerException),
    };
}
