using GridActors.Silo.Configuration;
using Orleans.Dashboard;

namespace GridActors.Api.Extensions;

public static class OrleansDashboardExtensions
{
    public const string Path = "/orleans";

    /// <summary>
    /// The Orleans Dashboard for operators at <c>/orleans</c>: silos, activations, grain calls, reminders. Its page
    /// calls its own API without our bearer tokens, so it is on where dev tokens are (<c>Orleans:Dashboard</c>,
    /// off in Production unless set) and belongs behind the operators' network when it is switched on there.
    /// In Development it is open to anyone who can reach the port.
    /// </summary>
    public static WebApplication MapOrleansOperatorsDashboard(this WebApplication app)
    {
        if (GridActorsConfiguration.ReadOrleansDashboard(app.Configuration, app.Environment))
        {
            // Its own pages and JSON, not part of our API: kept out of the OpenAPI document.
            app.MapOrleansDashboard(routePrefix: Path).ExcludeFromDescription();
        }
        return app;
    }
}
