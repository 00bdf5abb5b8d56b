using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;

// The headless silo: the same grains and configuration as the Api's co-hosted one, without HTTP.
var builder = Host.CreateApplicationBuilder(args);
builder.AddGridActorsSilo();
await builder.Build().RunAsync();

// Internal on purpose: the Orleans Dashboard brings ASP.NET Core, whose generator would otherwise make this
// Program public, and the Api tests' WebApplicationFactory<Program> must find one Program, the Api's. (A plain
// comment: the Api's OpenAPI document gathers XML docs by type name, and two documented Programs collide.)
internal sealed partial class Program;
