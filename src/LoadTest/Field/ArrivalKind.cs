namespace GridActors.LoadTest.Field;

/// <summary>Who sends an arrival of field mode, and how.</summary>
public enum ArrivalKind
{
    /// <summary>A grid worker's single report from the app.</summary>
    Worker,

    /// <summary>A camera's report (until alarms have an endpoint of their own: a report with a camera as reporter).</summary>
    Camera,

    /// <summary>A feed's batch of reports (the hotline's, through <c>POST /api/events/batch</c>).</summary>
    Batch,
}
