namespace GridActors.Silo.Simulation.Model;

/// <summary>
/// How one category behaves in the county: its share of reports, the median hours its work takes on site (well
/// inside its priority's time limit for the urgent and critical ones: a geological hazard's first handling is to
/// clear the slope's foot and post a warning, within two hours), how
/// often it is parked (挂账: waiting for money, a plan or another authority) relative to the average, and
/// whether the video network sees it.
/// </summary>
public sealed record CategoryProfile(string Id, double Share, double WorkHours, double ParkFactor, bool CameraSees);
