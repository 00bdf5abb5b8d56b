namespace GridActors.LoadTest.Cases;

/// <summary>What <c>DELETE /api/drills/{id}</c> answered, in words for the output and the report.</summary>
public sealed record CleanupOutcome(bool Failed, string Message);
