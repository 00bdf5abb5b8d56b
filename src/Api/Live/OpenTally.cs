using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Points;

namespace GridActors.Api.Live;

/// <summary>
/// <see cref="CaseTally.Of"/> for open cases kept as <see cref="OpenCase"/>: the same rule, for the counts an open
/// case can add to (it is reported, may be parked, overdue, extended or past its whole deadline, and is never
/// cancelled or closed). <c>OpenTallyTests</c> holds it to <see cref="CaseTally.Of"/>.
/// </summary>
internal struct OpenTally
{
    private int _reported, _parked, _overdue, _due, _dueNotParked, _extended;

    public void Add(in OpenCase open, DateTimeOffset now)
    {
        var parked = open.Status == EventStatus.Parked;
        var due = open.DueBy(now);
        _reported++;
        _parked += parked ? 1 : 0;
        _overdue += open.Overdue ? 1 : 0;
        _due += due ? 1 : 0;
        _dueNotParked += due && !parked ? 1 : 0;
        _extended += open.Extended ? 1 : 0;
    }

    public readonly CaseTally ToTally() => new(_reported, 0, 0, _parked, _overdue, _due, _dueNotParked, 0, 0, _extended, 0);
}
