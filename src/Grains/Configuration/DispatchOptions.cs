namespace GridActors.Grains.Configuration;

/// <summary><c>Dispatch:*</c>: how new reports find their handler.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>True: the grid accepts and routes each new report. False: reports wait in <c>reported</c> for an operator.</summary>
    public bool Auto { get; set; } = true;

    /// <summary>
    /// Categories opened for grabbing (抢单制) rather than assigned (派单制): campaign chores that any nearby
    /// worker can do, where the quickest taker serves best. An array, so configuration replaces the list instead of
    /// appending to it.
    /// </summary>
    public string[] GrabCategories { get; set; } = ["civilised-city", "sanitary-city", "rural-environment"];

    /// <summary>
    /// Categories a grid volunteer may take (志愿者接单): the same campaign chores, which ask for hands and no
    /// authority. A volunteer takes only normal-priority cases of its own grid in routine mode (docs/VOLUNTEERS.md).
    /// </summary>
    public string[] VolunteerCategories { get; set; } = ["civilised-city", "sanitary-city", "rural-environment"];

    /// <summary>How long a case stays open for grabbing before the village assigns it.</summary>
    public TimeSpan GrabWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Open tasks a worker may hold before routing passes them over.</summary>
    public int WorkerCapacity { get; set; } = 20;
}
