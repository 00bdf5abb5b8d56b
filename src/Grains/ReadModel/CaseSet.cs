namespace GridActors.Grains.ReadModel;

/// <summary>
/// Which cases a question is about: the county's own — every case reported without a drill — unless a drill view
/// is asked for, of one drill or of every drill (the live drill view). A drill runs the real loop, so its cases
/// are real cases; they are kept out of the county's listings, statistics, boards and live figures by this.
/// </summary>
public readonly record struct CaseSet
{
    private CaseSet(bool isDrill, string? drill)
    {
        IsDrill = isDrill;
        Drill = drill;
    }

    /// <summary>The county's own cases (the default).</summary>
    public static CaseSet County => default;

    /// <summary>The cases of every drill.</summary>
    public static CaseSet AllDrills { get; } = new(true, null);

    public static CaseSet OfDrill(string drill) => new(true, drill);

    /// <summary>The drill's cases, or the county's when no drill is named.</summary>
    public static CaseSet Of(string? drill) => drill is null ? County : OfDrill(drill);

    /// <summary>True for drill cases, of <see cref="Drill"/> or of every drill.</summary>
    public bool IsDrill { get; }

    /// <summary>The one drill asked for; null for the county or for every drill.</summary>
    public string? Drill { get; }

    /// <summary>A case filed by <paramref name="drill"/> (null: the county's own) is one of these.</summary>
    public bool Matches(string? drill) => IsDrill ? drill is not null && (Drill is null || Drill == drill) : drill is null;
}
