using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Endpoints;
using GridActors.Api.Events;
using GridActors.Api.Extensions;
using GridActors.Api.Live;
using GridActors.Api.Open311;
using GridActors.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGridActorsSilo();
builder.AddApiDefaults();
builder.AddReverseProxySupport();
builder.AddGridActorsAuth();
builder.AddEventServices();
builder.AddGridActorsRateLimiting();
builder.AddLiveDashboards();
builder.AddOpen311();

var app = builder.Build();
app.UseTrustedProxies();
app.UseExceptionHandler();
app.UseHstsOutsideDevelopment();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOperationsEndpoints();
app.MapAuthEndpoints();
app.MapTopologyEndpoints();
app.MapGridsEndpoints();
app.MapWorkersEndpoints();
app.MapEventsEndpoints();
app.MapDevicesEndpoints();
app.MapFeedsEndpoints();
app.MapModeEndpoints();
app.MapKeyPersonsEndpoints();
app.MapPointsEndpoints();
app.MapStatsEndpoints();
app.MapLeaderboardsEndpoints();
app.MapSimulationEndpoints();
app.MapDrillsEndpoints();
app.MapOpen311Endpoints();
app.MapAuditEndpoints();
app.MapDashboard();
app.MapLiveHub();
app.MapOrleansOperatorsDashboard();

app.Run();

/// <summary>Visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
