using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace GridActors.Api.Tests.Infrastructure;

/// <summary>
/// The test server has no network peer; this gives a request the address named in its <c>X-Test-Peer</c> header,
/// ahead of the Api's own pipeline, so that a test can play a trusted proxy or a stranger. Without the header a
/// request is left as it is, so every factory carries it.
/// </summary>
public sealed class PeerAddressFilter : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            }
            return nextMiddleware(context);
        });
        next(app);
    };
}
