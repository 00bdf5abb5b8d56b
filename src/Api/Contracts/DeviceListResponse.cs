using GridActors.Grains.Interfaces.Devices;

namespace GridActors.Api.Contracts;

/// <summary>A page of <c>GET /api/devices</c>, in device id order.</summary>
public sealed record DeviceListResponse(IReadOnlyList<DeviceInfo> Items, int Total, int Page, int PageSize);
