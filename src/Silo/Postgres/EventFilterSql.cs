using GridActors.Grains.ReadModel;
using Npgsql;

namespace GridActors.Silo.Postgres;

/// <summary>
/// An <see cref="EventQuery"/>'s filters as a parameterised WHERE clause — the same filters, with the same
/// meaning, as <see cref="EventQuery.Matches"/>. Values only ever travel as parameters.
/// </summary>
internal sealed class EventFilterSql
{
    private readonly List<string> _conditions = ["true"];
    private readonly List<(string Name, object Value)> _values = [];

    public string Where => string.Join(" AND ", _conditions);

    /// <summary>Fresh parameters on every call: a parameter belongs to one command.</summary>
    public NpgsqlParameter[] Parameters() => [.. _values.Select(v => new NpgsqlParameter(v.Name, v.Value))];

    public static EventFilterSql From(EventQuery query)
    {
        var filter = new EventFilterSql();
        filter.Equal("township_id", query.TownshipId);
        filter.Equal("village_id", query.VillageId);
        filter.Equal("grid_id", query.GridId);
        filter.Equal("status", query.Status?.ToString());
        filter.Equal("category", query.Category);
        filter.Equal("priority", query.Priority?.ToString());
        if (query.Overdue is { } overdue)
        {
            filter.Add("overdue = @overdue", "overdue", overdue);
        }
        if (query.From is { } from)
        {
            filter.Add("reported_at >= @from", "from", from.UtcDateTime);
        }
        if (query.To is { } to)
        {
            filter.Add("reported_at < @to", "to", to.UtcDateTime);
        }
        if (query.Assignee is { } assignee)
        {
            filter.Equal("assignee_kind", assignee.Kind);
            filter.Equal("assignee_id", assignee.Id);
        }
        if (query.AssigneeKind is { } assigneeKind)
        {
            // A parameter of its own: the exact assignee above may name a kind too.
            filter.Add("assignee_kind = @assignee_kind_only", "assignee_kind_only", assigneeKind);
        }
        if (query.Reporter is { } reporter)
        {
            filter.Equal("reporter_kind", reporter.Kind);
            filter.Equal("reporter_id", reporter.Id);
        }
        if (query.Ids is { } ids)
        {
            filter.Add("id = ANY(@ids)", "ids", ids.ToArray());
        }
        if (query.Categories is { } categories)
        {
            filter.Add("category = ANY(@categories)", "categories", categories.ToArray());
        }
        if (query.IsOpen is { } isOpen)
        {
            filter.Add("is_open = @is_open", "is_open", isOpen);
        }
        filter.Cases(query.Cases);
        return filter;
    }

    /// <summary>Only the cases of <paramref name="cases"/>, as <see cref="CaseSet.Matches"/> says.</summary>
    public static EventFilterSql Of(CaseSet cases)
    {
        var filter = new EventFilterSql();
        filter.Cases(cases);
        return filter;
    }

    private void Cases(CaseSet cases)
    {
        if (cases.Drill is { } drill)
        {
            Add("drill = @drill", "drill", drill);
        }
        else
        {
            _conditions.Add(cases.IsDrill ? "drill IS NOT NULL" : "drill IS NULL");
        }
    }

    private void Equal(string column, string? value)
    {
        if (value is not null)
        {
            Add($"{column} = @{column}", column, value);
        }
    }

    private void Add(string condition, string name, object value)
    {
        _conditions.Add(condition);
        _values.Add((name, value));
    }
}
