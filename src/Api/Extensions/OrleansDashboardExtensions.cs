using GridActors.Api.Auth;
using GridActors.Silo.Configuration;
using Orleans.Dashboard;

namespace GridActors.Api.Extensions;

public static class OrleansDashboardExtensions
{
    public const string Path = "/orleans";

    /// <summary>
    /// The Orleans Dashboard for operators at <c>/orleans</c>: silos, activations, grain calls, reminders. It is on
    /// where dev tokens are (<c>Orleans:Dashboard</c>, off in Production unless set). In Development it is open to
    /// anyone who can reach the port; elsewhere every page and call of it needs a city token. Its page sends
    /// no token of its own, so there it is reached through a proxy that signs the operator in and adds the header
    /// (docs/PRODUCTION.md).
    /// </summary>
    public static WebApplication MapOrleansOperatorsDashboard(this WebApplication app)
    {
        if (!GridActorsConfiguration.ReadOrleansDashboard(app.Configuration, app.Environment))
        {
            return app;
        }
        // Its own pages and JSON, not part of our API: kept out of the OpenAPI document.
        var dashboard = app.MapOrleansDashboard(routePrefix: Path).ExcludeFromDescription();
        if (!app.Environment.IsDevelopment())
        {
            dashboard.RequireAuthorization(Policies.City);
        }
        return app;
    }
}
