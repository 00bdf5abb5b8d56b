namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// When reports arrive: the <see cref="ArrivalProfile"/>'s expectation carried over from stretch to stretch, so a
/// period's count is its expectation to within one whatever the stretches are (a tick of the simulation, an hour
/// of the calibration model), and the arrivals of a stretch spread evenly over it.
/// </summary>
public sealed class Arrivals(ArrivalProfile profile, DateTimeOffset from)
{
    private DateTimeOffset _last = from;
    /// <summary>Starts at a half, so that a period's count is its expectation rounded, not cut off.</summary>
    private double _owed = 0.5;

    /// <summary>The instant up to which arrivals have been handed out.</summary>
    public DateTimeOffset Reached => _last;

    /// <summary>
    /// The arrivals after <see cref="Reached"/> up to <paramref name="now"/>. With <paramref name="atMost"/>, the
    /// rest of a longer list is dropped rather than owed: a demo that fell behind must not flood the county.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> Until(DateTimeOffset now, int? atMost = null)
    {
        if (now <= _last)
        {
            return [];
        }
        _owed += profile.ExpectedBetween(_last, now);
        var count = (int)_owed;
        _owed -= count;
        if (atMost is { } cap && count > cap)
        {
            count = cap;
            _owed = 0;
        }
        var stretch = now - _last;
        var instants = new DateTimeOffset[count];
        for (var i = 0; i < count; i++)
        {
            instants[i] = _last + stretch * ((i + 1.0) / (count + 1));
        }
        _last = now;
        return instants;
    }
}
