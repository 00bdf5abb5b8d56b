namespace GridActors.LoadTest.Calibration;

/// <summary>
/// The command line of <c>LoadTest calibrate …</c>: the system to play the report's period on, and the county
/// clock's speed for it. At the default the period takes about 35 minutes, and a two-core machine keeps up
/// (docs/CALIBRATION.md); a faster clock only makes the simulation fall behind, which the counts survive but
/// the cases' times do not.
/// </summary>
public sealed record CalibrationOptions(Uri BaseUrl, int Speed, TimeSpan ProgressEvery)
{
    public const string Command = "calibrate";
}
