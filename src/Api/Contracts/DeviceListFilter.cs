using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Contracts;

/// <summary>The query of <c>GET /api/devices</c>: a grid, a device kind, and the page.</summary>
public sealed record DeviceListFilter(
    [FromQuery(Name = "grid")] string? Grid,
    [FromQuery(Name = "kind")] string? Kind,
    [FromQuery(Name = "page")] int? Page,
    [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    public const int MaxPage = 100_000;
}
