namespace GridActors.Api.Extensions;

public static class DashboardExtensions
{
    /// <summary>
    /// Serves the live dashboard at <c>/</c>: the bundle that <c>Dashboard.targets</c> builds from
    /// <c>Dashboard/</c> into <c>wwwroot</c> on every <c>dotnet build</c>. Plain static files, so the page needs no
    /// token to load; it asks for one itself and everything it reads (REST and <c>/hubs/live</c>) is authorized.
    /// Default files come first so that <c>GET /</c> is rewritten to <c>/index.html</c> before the file lookup.
    /// </summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
