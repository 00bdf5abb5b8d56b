using GridActors.Api.Extensions;
using GridActors.Api.Hubs;
using GridActors.Grains.Clock;
using GridActors.Grains.Topology;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Live;

public static class LiveServiceExtensions
{
    /// <summary>The live hub and what feeds it: this node's subscription to the streams, its view and its rounds.</summary>
    public static WebApplicationBuilder AddLiveDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR()
            .AddJsonProtocol(json => ApiJson.Configure(json.PayloadSerializerOptions));
        builder.Services.Configure<LiveOptions>(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.AddSingleton(services => new LiveViews(() => new LiveCounty(
            services.GetRequiredService<CountyTopology>(), services.GetRequiredService<GridClock>(),
            services.GetRequiredService<IOptions<LiveOptions>>().Value.FeedSize)));
        builder.Services.AddSingleton<LiveModes>();
        builder.Services.AddSingleton<LiveGroups>();
        builder.Services.AddSingleton<LiveBoards>();
        builder.Services.AddSingleton<LiveSubscriptions>();
        builder.Services.AddHostedService<LiveSubscriber>();
        builder.Services.AddHostedService<LiveBroadcaster>();
        return builder;
    }

    public static WebApplication MapLiveHub(this WebApplication app)
    {
        // A dashboard left open outlives its token otherwise; the page gets a new one and reconnects.
        app.MapHub<LiveHub>(LiveHub.Path, hub => hub.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
