namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// The simulation's arithmetic without the system: the report's period hour by hour, the same arrivals and the same
/// seeded scripts as <see cref="CountySimulation"/> draws, each case counted as it stands at the cut-off — closed when
/// its scripted closure falls before it, dismissed or parked when that decision does, open otherwise. The tests hold
/// it to the report's figures; the calibrate command then checks that the system, playing the same scripts, agrees.
/// </summary>
public static class CalibrationModel
{
    public static CalibrationTally Run(int seed, IReadOnlyDictionary<string, Grains.Interfaces.Events.Priority> priorities)
    {
        var arrivals = new Arrivals(new ArrivalProfile(ReportFigures.ReportsPerDay), ReportFigures.PeriodStart);
        var scripts = new CaseScripts(seed, priorities);
        int reported = 0, handled = 0, invalid = 0, parked = 0, open = 0, disputes = 0, disputesResolved = 0;
        var hoursToClose = new List<double>(ReportFigures.Reported);
        for (var hour = ReportFigures.PeriodStart.AddHours(1); hour <= ReportFigures.PeriodEnd; hour = hour.AddHours(1))
        {
            foreach (var at in arrivals.Until(hour))
            {
                var script = scripts.Next();
                var left = ReportFigures.PeriodEnd - at;
                reported++;
                disputes += script.IsDispute ? 1 : 0;
                switch (script.Fate)
                {
                    case CaseFate.Handled when script.TimeToClose <= left:
                        handled++;
                        disputesResolved += script.IsDispute ? 1 : 0;
                        hoursToClose.Add(script.TimeToClose.TotalHours);
                        break;
                    case CaseFate.Invalid when script.TimeToDecision <= left:
                        invalid++;
                        break;
                    case CaseFate.Parked when script.TimeToDecision <= left:
                        parked++;
                        break;
                    default:
                        open++;
                        break;
                }
            }
        }
        hoursToClose.Sort();
        return new CalibrationTally(reported, handled, invalid, parked, open, disputes, disputesResolved,
            hoursToClose[hoursToClose.Count / 2], hoursToClose.Average());
    }
}
