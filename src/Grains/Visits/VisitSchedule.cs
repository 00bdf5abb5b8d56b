using System.Security.Cryptography;
using System.Text;
using GridActors.Grains.Interfaces.Visits;

namespace GridActors.Grains.Visits;

/// <summary>What registering a person, visits coming due and arming the shard make of a register's state, each as a new copy.</summary>
public static class VisitSchedule
{
    /// <summary>The person numbered after those already registered, and the register with them.</summary>
    public static (VisitRegisterState Next, KeyPersonView Person) Register(
        VisitRegisterState current, string gridId, KeyPersonDraft draft, DateTimeOffset now)
    {
        var person = new KeyPersonView(
            $"{gridId}-kp{current.People.Count + 1:D3}",
            gridId,
            draft.Person,
            draft.Reason,
            [.. draft.Visits.Select(v => new ScheduledVisit(v.Kind, v.EveryDays, v.FirstDueAt, 0, null))],
            now);
        return (current with { People = [.. current.People, person] }, person);
    }

    /// <summary>Every visit due by <paramref name="now"/> made once, and the register with each of them scheduled on.</summary>
    public static (VisitRegisterState Next, IReadOnlyList<MadeVisit> Made) Due(VisitRegisterState current, DateTimeOffset now)
    {
        var made = new List<MadeVisit>();
        var people = current.People.Select(person =>
        {
            var visits = person.Visits.Select((visit, plan) =>
            {
                if (visit.NextDueAt > now)
                {
                    return visit;
                }
                var number = visit.Made + 1;
                var id = EventId(person.Id, plan, number);
                made.Add(new MadeVisit(person, visit, number, id));
                return visit with { NextDueAt = NextDueAfter(visit, now), Made = number, LastEventId = id };
            }).ToList();
            return person with { Visits = visits };
        }).ToList();
        return (current with { People = people }, made);
    }

    /// <summary>
    /// The next due time after a visit that was due: if the register slept through several (a long outage),
    /// the missed ones are not made up one by one, the next is scheduled after now.
    /// </summary>
    public static DateTimeOffset NextDueAfter(ScheduledVisit visit, DateTimeOffset now)
    {
        var every = TimeSpan.FromDays(visit.EveryDays);
        var next = visit.NextDueAt + every;
        if (next <= now)
        {
            next += every * Math.Ceiling((now - next) / every + 1e-9);
        }
        return next;
    }

    /// <summary>
    /// The register with the shard's next alarm — the earliest next visit — under a new sequence, and that
    /// alarm's time; no time when there is nothing to visit, or the shard is already armed for it and
    /// <paramref name="force"/> (an alarm of a sequence the register does not hold) does not ask again.
    /// </summary>
    public static (VisitRegisterState Next, DateTimeOffset? ArmFor) Arming(VisitRegisterState state, bool force)
    {
        var due = state.People.SelectMany(p => p.Visits).Select(v => (DateTimeOffset?)v.NextDueAt).Min();
        return due is { } at && (force || state.ArmedFor != at)
            ? (state with { AlarmSequence = state.AlarmSequence + 1, ArmedFor = at }, at)
            : (state, null);
    }

    /// <summary>
    /// By the plan's position, not its kind, since a person may have two plans of one kind. Derived rather
    /// than minted, so that a register that reported a visit but failed to save reports the same event again.
    /// </summary>
    public static string EventId(string personId, int plan, int number)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"visit\n{personId}\n{plan}\n{number}"));
        return "V" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
