namespace GridActors.Grains.Configuration;

/// <summary><c>Clock:*</c>. One clock for every deadline, timer, simulation and statistic.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>
    /// Simulated seconds per real second; 1 is real time, 3600 lets a drill watch a day pass in 24 s. The speed
    /// the first silo of a cluster starts the county clock at: a silo joining a running cluster follows its speed.
    /// </summary>
    public double Speed { get; set; } = 1;
}
