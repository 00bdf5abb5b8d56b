namespace GridActors.Silo.Simulation.Model;

/// <summary>Who files a report: the grid worker on patrol (the report's 407,177 came through the workers' app), or another channel.</summary>
public enum ReportChannel
{
    Patrol,
    CitizenApp,
    Hotline,
    Camera,
    Volunteer,
}
