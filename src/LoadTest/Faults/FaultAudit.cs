using System.Net;
using System.Text.Json;
using Npgsql;

namespace GridActors.LoadTest.Faults;

/// <summary>
/// After the drill, everything that was acknowledged is checked where a client and an auditor would look:
/// each case through the Api (there, not behind its last acknowledgement, each acknowledged action in its history
/// once), its listing row, its awards and its deadline in the database, each touched ledger's balance through
/// the Api against the sum of its stored entries, and no report stored twice.
/// </summary>
public sealed class FaultAudit(FaultDrill drill, PatientRequests requests, string postgres)
{
    private static readonly string[] DrillActions = ["accept", "dispatch", "start", "resolve", "verify"];
    private static readonly TimeSpan SettleWithin = TimeSpan.FromSeconds(60);

    public async Task<AuditFindings> RunAsync(int concurrency, CancellationToken cancellationToken)
    {
        var findings = new AuditFindings();
        var acked = drill.Acked.Values.OrderBy(c => c.Index).ToList();
        var ids = acked.Select(c => c.Id).ToArray();
        await using var database = NpgsqlDataSource.Create(postgres);

        var undelivered = await Settle(database, ids, cancellationToken);
        if (undelivered > 0)
        {
            findings.Add("inconsistent", "outbox still undelivered after a minute", $"{undelivered} outboxes");
        }
        var views = await Views(acked, concurrency, findings, cancellationToken);
        await CheckRows(database, acked, views, findings, cancellationToken);
        await CheckDuplicateReports(database, findings, cancellationToken);
        await CheckAwards(database, acked, views, findings, cancellationToken);
        await CheckBalances(database, ids, concurrency, findings, cancellationToken);
        await CheckDeadlines(database, acked, views, findings, cancellationToken);
        return findings;
    }

    /// <summary>What a committed step owes others is delivered just after its answer; give that a minute.</summary>
    private static async Task<long> Settle(NpgsqlDataSource database, string[] ids, CancellationToken cancellationToken)
    {
        var until = DateTime.UtcNow + SettleWithin;
        while (true)
        {
            await using var command = database.CreateCommand("SELECT count(*) FROM case_outbox WHERE case_id = ANY(@ids)");
            command.Parameters.AddWithValue("ids", ids);
            var left = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            if (left == 0 || DateTime.UtcNow > until)
            {
                return left;
            }
            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task<Dictionary<string, JsonElement>> Views(
        List<AckedCase> acked, int concurrency, AuditFindings findings, CancellationToken cancellationToken)
    {
        var views = new System.Collections.Concurrent.ConcurrentDictionary<string, JsonElement>();
        await Parallel.ForEachAsync(acked, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (@case, token) =>
            {
                var view = await requests.Send(() => new HttpRequestMessage(HttpMethod.Get, $"/api/events/{@case.Id}"), token, HttpStatusCode.OK);
                if (view is not { } found)
                {
                    findings.Add("lost", "acknowledged case not found", @case.Id);
                    return;
                }
                views[@case.Id] = found;
                CheckView(@case, found, findings);
            });
        return new Dictionary<string, JsonElement>(views);
    }

    private static void CheckView(AckedCase @case, JsonElement view, AuditFindings findings)
    {
        var version = view.GetProperty("version").GetInt64();
        if (version < @case.Version || @case.Finished && view.GetProperty("status").GetString() != "closed")
        {
            findings.Add("lost", "case behind its last acknowledgement", $"{@case.Id} acked {@case.Status} v{@case.Version}, reads v{version}");
        }
        var history = view.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ToList();
        foreach (var action in DrillActions)
        {
            var done = history.Count(a => a == action);
            var acknowledged = @case.Actions.Count(a => a == action);
            // A case the drill gave up on may hold the step that was in flight, unacknowledged.
            var allowed = @case.InFlight == action ? acknowledged + 1 : acknowledged;
            if (done < acknowledged)
            {
                findings.Add("lost", $"acknowledged {action} missing from history", @case.Id);
            }
            else if (done > allowed)
            {
                findings.Add("duplicated", $"{action} applied twice", $"{@case.Id} [{string.Join(' ', history)}] after [{string.Join(' ', @case.Actions)}]");
            }
        }
    }

    private static async Task CheckRows(
        NpgsqlDataSource database, List<AckedCase> acked, Dictionary<string, JsonElement> views, AuditFindings findings, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("SELECT id, version FROM events WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", acked.Select(c => c.Id).ToArray());
        var rows = new Dictionary<string, long>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        foreach (var @case in acked)
        {
            if (!rows.TryGetValue(@case.Id, out var version))
            {
                findings.Add("lost", "listing row missing", @case.Id);
            }
            else if (views.TryGetValue(@case.Id, out var view) && view.GetProperty("version").GetInt64() != version)
            {
                findings.Add("inconsistent", "listing row at another version than its case", $"{@case.Id} row v{version}");
            }
        }
    }

    private async Task CheckDuplicateReports(NpgsqlDataSource database, AuditFindings findings, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT title, count(*) FROM events WHERE title LIKE @run GROUP BY title HAVING count(*) > 1");
        command.Parameters.AddWithValue("run", drill.Journey.TitlePrefix + "%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            findings.Add("duplicated", "one report stored as several cases", $"{reader.GetString(0)} ×{reader.GetInt64(1)}");
        }
    }

    /// <summary>
    /// A closed case pays its branch once; a failed verification costs a handling worker once per failure (a
    /// department that handles a case has no ledger, so nothing is charged there).
    /// </summary>
    private static async Task CheckAwards(
        NpgsqlDataSource database, List<AckedCase> acked, Dictionary<string, JsonElement> views, AuditFindings findings, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT ref, count(*) FILTER (WHERE rule = 'branch-case-closed'), count(*) FILTER (WHERE rule = 'verification-failed')
            FROM ledger_entries WHERE ref = ANY(@ids) GROUP BY ref
            """);
        command.Parameters.AddWithValue("ids", acked.Select(c => c.Id).ToArray());
        var awards = new Dictionary<string, (long Closed, long Failed)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                awards[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2));
            }
        }
        foreach (var @case in acked.Where(c => c.Finished))
        {
            var (closed, failed) = awards.GetValueOrDefault(@case.Id);
            // Workers and volunteers have ledgers to charge; a department has none.
            var byLedgerHolder = views.TryGetValue(@case.Id, out var view)
                && view.TryGetProperty("assignee", out var assignee) && assignee.ValueKind == JsonValueKind.Object
                && assignee.GetProperty("kind").GetString() is "worker" or "volunteer";
            var failures = byLedgerHolder ? @case.Actions.Count(a => a == "verify") - 1 : 0;
            Compare(findings, "branch award for the close", @case.Id, expected: 1, closed);
            Compare(findings, "charge for a failed verification", @case.Id, expected: failures, failed);
        }
    }

    private static void Compare(AuditFindings findings, string what, string id, long expected, long found)
    {
        if (found < expected)
        {
            findings.Add("lost", what, id);
        }
        else if (found > expected)
        {
            findings.Add("duplicated", what, id);
        }
    }

    /// <summary>Every ledger the drill's cases paid into: the balance its grain answers is the sum of what is stored.</summary>
    private async Task CheckBalances(
        NpgsqlDataSource database, string[] ids, int concurrency, AuditFindings findings, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            SELECT participant_id, sum(points) FROM ledger_entries
            WHERE participant_id IN (SELECT DISTINCT participant_id FROM ledger_entries WHERE ref = ANY(@ids))
            GROUP BY participant_id
            """);
        command.Parameters.AddWithValue("ids", ids);
        var stored = new List<(string Participant, long Sum)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }
        await Parallel.ForEachAsync(stored, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (ledger, token) =>
            {
                var view = await requests.Send(() => new HttpRequestMessage(HttpMethod.Get, $"/api/points/{ledger.Participant}"), token, HttpStatusCode.OK);
                var balance = view?.GetProperty("balance").GetInt64();
                if (balance != ledger.Sum)
                {
                    findings.Add("inconsistent", "balance is not the sum of its entries", $"{ledger.Participant} {balance} vs {ledger.Sum}");
                }
            });
    }

    /// <summary>A closed case holds no armed deadline; an open one holds one.</summary>
    private static async Task CheckDeadlines(
        NpgsqlDataSource database, List<AckedCase> acked, Dictionary<string, JsonElement> views, AuditFindings findings, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            "SELECT target_id FROM deadline_entries WHERE target_kind = 'event' AND target_id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", acked.Select(c => c.Id).ToArray());
        var armed = new HashSet<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                armed.Add(reader.GetString(0));
            }
        }
        foreach (var @case in acked.Where(c => views.ContainsKey(c.Id)))
        {
            var closed = views[@case.Id].GetProperty("status").GetString() is "closed" or "cancelled";
            if (closed && armed.Contains(@case.Id))
            {
                findings.Add("inconsistent", "deadline still armed after the close", @case.Id);
            }
            else if (!closed && !armed.Contains(@case.Id))
            {
                findings.Add("lost", "open case without an armed deadline", @case.Id);
            }
        }
    }
}
