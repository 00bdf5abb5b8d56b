namespace GridActors.Silo.Simulation.Model;

/// <summary>How a case ends in the simulation.</summary>
public enum CaseFate
{
    /// <summary>Worked, verified (perhaps after rework) and closed.</summary>
    Handled,

    /// <summary>A report the command centre dismisses: a duplicate, outside its remit, or nothing found.</summary>
    Invalid,

    /// <summary>Parked (挂账) once work starts: it needs money, a plan or another authority, and stays open.</summary>
    Parked,
}
