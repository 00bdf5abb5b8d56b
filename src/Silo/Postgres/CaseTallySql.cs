using GridActors.Grains.Points;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// <see cref="CaseTally.Of"/>'s rule as aggregates over the <c>events</c> table, for a statement that binds
/// <c>@now</c>. A comparison with a missing deadline is unknown in SQL and false in C#; either way it does not count.
/// </summary>
internal static class CaseTallySql
{
    public const string Columns = """
        count(*),
        count(*) FILTER (WHERE status = 'Cancelled'),
        count(*) FILTER (WHERE status = 'Closed'),
        count(*) FILTER (WHERE status = 'Parked'),
        count(*) FILTER (WHERE status <> 'Cancelled' AND overdue),
        count(*) FILTER (WHERE status <> 'Cancelled' AND (status = 'Closed' OR whole_due_at <= @now)),
        count(*) FILTER (WHERE status NOT IN ('Cancelled', 'Parked') AND (status = 'Closed' OR whole_due_at <= @now)),
        count(*) FILTER (WHERE status = 'Closed' AND NOT overdue AND closed_at <= whole_due_at),
        count(*) FILTER (WHERE status = 'Closed' AND rework_count > 0),
        count(*) FILTER (WHERE status <> 'Cancelled' AND extension_count > 0),
        coalesce(sum(extract(epoch FROM closed_at - reported_at)::float8 / 3600) FILTER (WHERE status = 'Closed'), 0)
        """;

    public static CaseTally Read(NpgsqlDataReader reader, int firstColumn)
    {
        int Count(int column) => (int)reader.GetInt64(firstColumn + column);
        return new CaseTally(Count(0), Count(1), Count(2), Count(3), Count(4), Count(5), Count(6), Count(7), Count(8), Count(9),
            reader.GetDouble(firstColumn + 10));
    }
}
