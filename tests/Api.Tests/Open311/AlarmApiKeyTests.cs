using System.Net;
using System.Net.Http.Json;
using GridActors.Api.Tests.Infrastructure;
using GridActors.Grains.Devices;

namespace GridActors.Api.Tests.Open311;

/// <summary>
/// An upstream system files alarms with its API key (<c>X-Api-Key</c>), as it files service requests: a key limited to
/// a township files only for that township's devices; no key and no token is 401, an unknown key 403.
/// </summary>
public sealed class AlarmApiKeyTests(Open311ApiFactory api) : IClassFixture<Open311ApiFactory>
{
    private static readonly DeviceCatalogue Devices = DeviceCatalogue.For(County.Topology);

    private static HttpRequestMessage Alarms(string? key, params string[] deviceIds)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/feeds/alarms")
        {
            Content = JsonContent.Create(deviceIds.Select(deviceId => new
            {
                alarmId = $"key-{deviceId}-{Guid.NewGuid():N}",
                deviceId,
                kind = "smoke",
                at = DateTimeOffset.UtcNow.AddMinutes(-1),
                drill = "alarm-api-key",
            })),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }
        return request;
    }

    [Fact]
    public async Task ATownshipsKey_FilesItsOwnDevicesAlarms_AndNotAnotherTownships()
    {
        var own = Devices.All.First(d => County.Topology.FindGrid(d.GridId)!.Township.Id == Open311ApiFactory.PlatformTownship.Id);
        var foreign = Devices.All.First(d => County.Topology.FindGrid(d.GridId)!.Township.Id != Open311ApiFactory.PlatformTownship.Id);
        using var client = api.CreateClient();

        var response = await client.SendAsync(Alarms(Open311ApiFactory.TownshipPlatformKey, own.Id, foreign.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Json()).EnumerateArray().Select(i => i.GetProperty("status").GetInt32()).ToList();
        Assert.Equal([201, 403], items);
    }

    [Fact]
    public async Task TheCountysKey_FilesAnywhere_AnUnknownKeyIs403_AndNoneIs401()
    {
        using var client = api.CreateClient();
        var device = Devices.All[2500].Id;

        var county = await client.SendAsync(Alarms(Open311ApiFactory.HotlineKey, device));
        var unknown = await client.SendAsync(Alarms("not-a-key-of-this-county", device));
        var none = await client.SendAsync(Alarms(null, device));

        Assert.Equal(201, (await county.Json())[0].GetProperty("status").GetInt32());
        await ProblemAssert.IsProblem(unknown, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblem(none, HttpStatusCode.Unauthorized);
    }
}
