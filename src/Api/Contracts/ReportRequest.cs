using GridActors.Grains.Interfaces.Events;

namespace GridActors.Api.Contracts;

/// <summary>
/// A field report as clients send it. Everything is nullable so that a missing field is a clear 400 from
/// validation rather than a binding error. <see cref="RequestId"/> names the item in a batch; <see cref="Drill"/>
/// marks a load-test drill's report, which stays out of the county's figures and is erased with its drill.
/// <see cref="MediaUrl"/> is a photo of the problem, an http(s) address where the reporting system keeps it;
/// <see cref="Media"/> lists up to nine, as a citizen's app sends them.
/// <c>gridId</c> may be left out when <c>location</c> lies inside the county.
/// </summary>
public sealed record ReportRequest(
    string? Category,
    string? Title,
    string? GridId = null,
    string? Description = null,
    string? Priority = null,
    PartyDto? Reporter = null,
    LocationDto? Location = null,
    PersonInfo? Person = null,
    string? RequestId = null,
    string? Drill = null,
    string? MediaUrl = null,
    IReadOnlyList<string>? Media = null);

public sealed record PartyDto(string? Kind, string? Id);

public sealed record LocationDto(double? Lat, double? Lng);
