using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// The headless silo: the same grains and configuration as the Api's co-hosted one, without HTTP.
var builder = Host.CreateApplicationBuilder(args);
builder.AddGridActorsSilo();
await builder.Build().RunAsync();
