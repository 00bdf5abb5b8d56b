using System.Net;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Endpoints;

/// <summary>The Api with <c>Dispatch:Auto=false</c>: reports wait for an operator.</summary>
public sealed class ManualDispatchApiFactory : GridActorsApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Dispatch:Auto"] = "false",
    };
}

public sealed class ManualDispatchTests(ManualDispatchApiFactory api) : IClassFixture<ManualDispatchApiFactory>
{
    [Fact]
    public async Task Report_WithoutAutomaticDispatch_WaitsInReportedUntilAnOperatorActs()
    {
        var grid = County.GridOf(townshipIndex: 0, gridIndex: 5);
        using var village = await api.ClientFor("village", grid.Village.Id);

        var reported = await village.ReportAsync(grid.Grid.Id);
        var accepted = await village.ActAsync(reported.Str("id"), "accept");
        var dispatched = await village.ActAsync(reported.Str("id"), "dispatch", new { workerId = grid.Grid.Workers[1].Id });

        Assert.Equal("reported", reported.Str("status"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("dispatched", (await dispatched.Json()).Str("status"));
    }
}
