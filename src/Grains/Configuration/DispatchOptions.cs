namespace GridActors.Grains.Configuration;

/// <summary><c>Dispatch:*</c>: how new reports find their handler.</summary>
public sealed class DispatchOptions
{
    public const string Section = "Dispatch";

    /// <summary>True: the grid accepts and routes each new report. False: reports wait in <c>reported</c> for an operator.</summary>
    public bool Auto { get; set; } = true;

    /// <summary>The campaign chores (创文, 创卫, the rural environment): both lists' default.</summary>
    public static IReadOnlyList<string> CampaignCategories { get; } = ["civilised-city", "sanitary-city", "rural-environment"];

    /// <summary>
    /// Categories opened for grabbing (抢单制) rather than assigned (派单制), as configured; null for
    /// <see cref="CampaignCategories"/>. It starts null because the configuration binder appends to a list that
    /// has items, so a list narrowed in configuration would come out wider. Read <see cref="GrabList"/>.
    /// </summary>
    public string[]? GrabCategories { get; set; }

    /// <summary>
    /// Categories a grid volunteer may take (志愿者接单), as configured; null for <see cref="CampaignCategories"/>,
    /// for the same reason. Read <see cref="VolunteerTaskCategories"/>.
    /// </summary>
    public string[]? VolunteerCategories { get; set; }

    /// <summary>
    /// The categories opened for grabbing: campaign chores that any nearby worker can do, where the quickest
    /// taker serves best.
    /// </summary>
    public IReadOnlyList<string> GrabList => GrabCategories ?? CampaignCategories;

    /// <summary>
    /// The categories a volunteer may take: chores that ask for hands and no authority. A volunteer takes only
    /// normal-priority cases of its own grid reported in routine mode (docs/VOLUNTEERS.md).
    /// </summary>
    public IReadOnlyList<string> VolunteerTaskCategories => VolunteerCategories ?? CampaignCategories;

    /// <summary>How long a case stays open for grabbing before the village assigns it.</summary>
    public TimeSpan GrabWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Open tasks a worker may hold before routing passes them over.</summary>
    public int WorkerCapacity { get; set; } = 20;
}
