using System.Text.RegularExpressions;

namespace GridActors.Api.Tests.Access;

/// <summary>
/// What a caller gets from a route: <c>allow</c> (anything but 401 and 403, in and outside their area),
/// <c>own</c> (allowed in their own area or on their own record, 403 outside it), <c>deny</c> (403 everywhere),
/// or an exact status (<c>401</c>, <c>400</c>, <c>403</c>).
/// </summary>
public sealed record AccessCell(string Value)
{
    public bool IsOwn => Value == "own";
}

/// <summary>One row of a table in docs/SECURITY.md: a route (or hub method) and the outcome for each column.</summary>
public sealed record AccessRow(string Table, string Route, IReadOnlyDictionary<string, AccessCell> Cells)
{
    public string Method => Route.Split(' ', 2)[0];

    public string Template => Route.Split(' ', 2)[1];

    /// <summary>Whether the row's route is the document's <paramref name="method"/> <paramref name="template"/>; an action names its <c>{action}</c>.</summary>
    public bool Covers(string method, string template) =>
        Method == method && Regex.IsMatch(Template, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");

    public override string ToString() => $"{Table}: {Route}";
}

/// <summary>The access tables of docs/SECURITY.md, read from the document itself so that it is the single source.</summary>
public static class AccessTable
{
    public const string Roles = "Roles";
    public const string Open311 = "Open311";

    private static readonly Lazy<IReadOnlyList<AccessRow>> All = new(Read);

    public static IReadOnlyList<AccessRow> Rows => All.Value;

    public static IEnumerable<AccessRow> Of(string table) => Rows.Where(r => r.Table == table);

    /// <summary>
    /// Every markdown table under a heading that ends in "(Roles)" or "(Open311)": the first column is the route,
    /// the header names the others.
    /// </summary>
    private static List<AccessRow> Read()
    {
        var lines = File.ReadAllLines(Path.Combine(Infrastructure.Repository.Root, "docs", "SECURITY.md"));
        var rows = new List<AccessRow>();
        string? table = null;
        string[]? header = null;
        foreach (var line in lines)
        {
            if (line.StartsWith('#'))
            {
                table = line.EndsWith($"({Roles})", StringComparison.Ordinal) ? Roles
                    : line.EndsWith($"({Open311})", StringComparison.Ordinal) ? Open311 : null;
                header = null;
                continue;
            }
            if (table is null || !line.StartsWith('|'))
            {
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('`')).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }
            if (cells.All(c => c.All(ch => ch is '-' or ':')))
            {
                continue;
            }
            rows.Add(new AccessRow(table, cells[0],
                header.Skip(1).Zip(cells.Skip(1)).ToDictionary(p => p.First, p => new AccessCell(p.Second))));
        }
        return rows;
    }
}
