using GridActors.Grains.Configuration;
using GridActors.Grains.Interfaces.Events;
using GridActors.Grains.Topology;

namespace GridActors.Grains.Events;

/// <summary>
/// Which cases a grid volunteer may take, by grabbing or by an operator's dispatch: chores of the categories in
/// <see cref="DispatchOptions.VolunteerTaskCategories"/>, of normal priority, in the volunteer's own grid, reported in
/// routine mode (a case keeps the mode it was reported in, with its limits). Urgent work and emergencies are for
/// the paid workers, who answer for deadlines; a volunteer serves where it lives.
/// </summary>
public static class VolunteerTasks
{
    /// <summary>Whether <paramref name="gridId"/> is the volunteer's own grid (a stranger's id serves none).</summary>
    public static bool ServesGrid(CountyTopology topology, string volunteerId, string gridId) =>
        topology.FindVolunteer(volunteerId)?.Grid.Id == gridId;

    /// <summary>Why <paramref name="volunteerId"/> may not take the case; null when it may.</summary>
    public static string? Refusal(CountyTopology topology, DispatchOptions options, EventState state, string volunteerId) =>
        Refusal(topology, options, state.Report!.GridId, state.Report.Category, state.Priority, state.Mode, volunteerId);

    /// <summary>The same rule on a case's particulars, for whoever plans to send a volunteer (the simulation).</summary>
    public static string? Refusal(
        CountyTopology topology, DispatchOptions options, string gridId, string category, Priority priority, OperatingMode mode,
        string volunteerId)
    {
        if (!ServesGrid(topology, volunteerId, gridId))
        {
            return $"Volunteer '{volunteerId}' serves another grid than '{gridId}'.";
        }
        if (!options.VolunteerTaskCategories.Contains(category))
        {
            return $"'{category}' cases are not volunteer tasks (Dispatch:VolunteerCategories).";
        }
        if (priority != Priority.Normal)
        {
            return $"A {Names.Of(priority)} case is for the grid's workers, not for volunteers.";
        }
        return mode == OperatingMode.Emergency
            ? "In emergency mode cases go to the township's workers, not to volunteers."
            : null;
    }
}
