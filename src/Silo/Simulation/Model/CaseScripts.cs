using GridActors.Grains.Events.Steps;
using GridActors.Grains.Interfaces.Events;

namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// Draws each new case's script from the county's mix (docs/CALIBRATION.md justifies every number). Seeded, so
/// one seed replays the same county. Disputes come at exactly the report's rate, one every
/// 407,177 / 1,817 reports, because a random count would wander ±2 % from the report's figure.
/// </summary>
public sealed class CaseScripts(int seed, IReadOnlyDictionary<string, Priority> priorities)
{
    public static readonly double DisputeShare = (double)ReportFigures.Disputes / ReportFigures.Reported;

    /// <summary>Reports dismissed as invalid: duplicates of an open case, outside the platform's remit, nothing found.</summary>
    public const double InvalidShare = 0.0237;

    /// <summary>Reports parked on average; each category by its <see cref="CategoryProfile.ParkFactor"/>.</summary>
    public const double ParkedShare = 0.017;

    /// <summary>Cases that fail their first verification and go back for rework.</summary>
    public const double ReworkShare = 0.05;

    /// <summary>Normal reports a worker marks urgent.</summary>
    public const double RaisedShare = 0.04;

    /// <summary>Cases a township operator offers for grabbing (抢单) when it dispatches by hand (<c>Dispatch:Auto=false</c>).</summary>
    public const double GrabShare = 0.1;

    /// <summary>From report to work starting: urgent and critical cases are started at once, normal ones within the shift.</summary>
    private static TimeSpan ResponseMedian(Priority priority) => priority switch
    {
        Priority.Critical => TimeSpan.FromHours(0.2),
        Priority.Urgent => TimeSpan.FromHours(0.5),
        _ => TimeSpan.FromHours(2),
    };
    private static readonly TimeSpan VerificationMedian = TimeSpan.FromHours(3);
    private static readonly TimeSpan DismissalMedian = TimeSpan.FromHours(1.5);
    private static readonly TimeSpan ExtensionAfter = TimeSpan.FromDays(2);

    private static readonly IReadOnlyList<(CategoryProfile Item, double Weight)> Weights =
        [.. CountyMix.Categories.Select(c => (c, c.Share))];

    private static readonly double MeanParkFactor =
        CountyMix.Categories.Sum(c => c.Share * c.ParkFactor) / CountyMix.Categories.Sum(c => c.Share);

    private static readonly double CameraSeenShare =
        CountyMix.Categories.Where(c => c.CameraSees).Sum(c => c.Share) / CountyMix.Categories.Sum(c => c.Share);

    /// <summary>Reports the video network files (雪亮工程 alarms an operator confirms).</summary>
    public const double CameraShare = 0.015;

    /// <summary>The other channels, relative to each other: the workers' app carries almost all (the report's 407,177).</summary>
    private static readonly IReadOnlyList<(ReportChannel Item, double Weight)> PeopleChannels =
    [
        (ReportChannel.Patrol, 0.94),
        (ReportChannel.CitizenApp, 0.025),
        (ReportChannel.Hotline, 0.015),
        (ReportChannel.Volunteer, 0.005),
    ];

    private readonly Random _random = new(seed);
    private double _disputesOwed = 0.5;

    public Random Random => _random;

    public CaseScript Next()
    {
        _disputesOwed += DisputeShare;
        if (_disputesOwed >= 1)
        {
            _disputesOwed -= 1;
            return Script(CountyMix.Dispute);
        }
        return Script(_random.Weighted(Weights));
    }

    private CaseScript Script(CategoryProfile category)
    {
        var priority = priorities.GetValueOrDefault(category.Id, Priority.Normal);
        if (priority == Priority.Normal && _random.Chance(RaisedShare))
        {
            priority = Priority.Urgent;
        }
        // Cameras file their share of all reports, carried by the categories they can see.
        var channel = category.CameraSees && _random.Chance(CameraShare / CameraSeenShare)
            ? ReportChannel.Camera
            : _random.Weighted(PeopleChannels);

        var fate = CaseFate.Handled;
        if (!category.Equals(CountyMix.Dispute))
        {
            var parked = ParkedShare * category.ParkFactor / MeanParkFactor;
            var draw = _random.NextDouble();
            fate = draw < InvalidShare ? CaseFate.Invalid : draw < InvalidShare + parked ? CaseFate.Parked : CaseFate.Handled;
        }

        var work = _random.LogNormal(TimeSpan.FromHours(category.WorkHours), 0.9);
        double? extension = work > ExtensionAfter && _random.Chance(0.6)
            ? Math.Min(Math.Ceiling((work - TimeSpan.FromDays(1)).TotalDays) * 24, CaseRules.MaxExtensionHours)
            : null;
        return new CaseScript(
            category.Id,
            priority,
            channel,
            fate,
            Response: _random.LogNormal(ResponseMedian(priority), 0.8),
            Work: work,
            Verification: _random.LogNormal(VerificationMedian, 0.7),
            FailsVerification: _random.Chance(ReworkShare),
            ExtensionHours: extension,
            Decision: fate == CaseFate.Parked ? work * (0.2 + 0.6 * _random.NextDouble()) : _random.LogNormal(DismissalMedian, 0.6),
            OfferedForGrabbing: _random.Chance(GrabShare),
            Pick: _random.Next(int.MaxValue));
    }
}
