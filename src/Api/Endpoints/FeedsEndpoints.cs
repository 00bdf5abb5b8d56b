using GridActors.Api.Audit;
using GridActors.Api.Auth;
using GridActors.Api.Contracts;
using GridActors.Api.Extensions;
using GridActors.Api.Feeds;
using GridActors.Api.Open311;
using GridActors.Grains.Interfaces.Devices;
using GridActors.Grains.Topology;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GridActors.Api.Endpoints;

public static class FeedsEndpoints
{
    public const int MaxAlarms = 1000;

    public static IEndpointRouteBuilder MapFeedsEndpoints(this IEndpointRouteBuilder app)
    {
        // No authorization policy on the group: a caller is a bearer token's feed or city, or an upstream system's
        // API key (X-Api-Key), which the handler checks itself.
        app.MapGroup("/api/feeds").WithTags("Feeds").RequireRateLimiting(RateLimitingExtensions.PerCaller)
            .MapPost("/alarms", RaiseAlarms)
            .WithName(nameof(RaiseAlarms))
            .WithSummary("Files up to 1,000 device alarms; each folds into its device's open case of that kind or opens one. The same alarmId again answers the same. A feed's or the city's token, or an upstream system's X-Api-Key.");
        return app;
    }

    public const string ApiKeyHeader = "X-Api-Key";

    public static async Task<Results<Ok<List<AlarmItemResult>>, ValidationProblem, ProblemHttpResult>> RaiseAlarms(
        List<AlarmRequest?> items, [FromHeader(Name = ApiKeyHeader)] string? apiKey, AlarmValidator validator, IGrainFactory grains,
        CallerResolver callers, Open311Systems systems, CountyTopology topology, HttpContext http)
    {
        var authenticated = http.User.Identity?.IsAuthenticated == true;
        if (!authenticated && string.IsNullOrEmpty(apiKey))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: $"Alarms need a bearer token (role feed or city) or an upstream system's {ApiKeyHeader}.");
        }
        // An upstream system files as a feed of its own name, limited to its township when its key names one.
        var system = authenticated ? null : systems.Find(apiKey);
        var caller = authenticated ? callers.Resolve(http)
            : system is null ? null : new Caller(Roles.Feed, system.Name, Subject: $"open311:{system.Name}");
        var township = system?.TownshipId;
        if (caller is not { Role: Roles.Feed or Roles.City })
        {
            return Problems.Forbidden($"Alarms are filed by a feed (role feed), the city, or an upstream system with a known {ApiKeyHeader}.");
        }
        if (items.Count is 0 or > MaxAlarms)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["items"] = [$"A request holds 1 to {MaxAlarms} alarms."],
            });
        }

        var results = new AlarmItemResult[items.Count];
        var valid = new List<(int Index, string DeviceId, AlarmDraft Alarm)>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                results[i] = new AlarmItemResult(null, StatusCodes.Status400BadRequest, Detail: "The item is null.");
                continue;
            }
            var (alarm, device, errors) = validator.Validate(item);
            if (errors is not null)
            {
                results[i] = new AlarmItemResult(item.AlarmId, StatusCodes.Status400BadRequest, Errors: errors);
                continue;
            }
            if (township is not null && topology.FindGrid(device!.GridId)!.Township.Id != township)
            {
                // A key limited to a township files alarms of that township's devices only, as it files reports.
                results[i] = new AlarmItemResult(item.AlarmId, StatusCodes.Status403Forbidden,
                    Detail: $"Device '{device.Id}' lies outside township '{township}', the only one this key may file for.");
                continue;
            }
            valid.Add((i, device!.Id, alarm!));
        }

        // One call per device, its alarms in the order sent: the device decides which case each goes to.
        var by = AuditRecorder.ActorOf(caller);
        await Task.WhenAll(valid.GroupBy(v => v.DeviceId).Select(async device =>
        {
            try
            {
                var answers = await grains.GetGrain<IDeviceGrain>(device.Key).Raise([.. device.Select(v => v.Alarm)], by);
                foreach (var (position, answer) in device.Select(v => v.Index).Zip(answers))
                {
                    results[position] = Result(answer);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // This device's alarms may or may not be stored; the others' answers stand. Sent again, the same
                // alarm ids are answered as stored, or filed then.
                foreach (var position in device.Select(v => v.Index))
                {
                    results[position] = new AlarmItemResult(items[position]!.AlarmId, StatusCodes.Status503ServiceUnavailable,
                        Detail: "The device could not file its alarms just now; send them again with the same alarmId.");
                }
            }
        }));
        return TypedResults.Ok(results.ToList());
    }

    private static AlarmItemResult Result(AlarmAnswer answer) => answer.Result switch
    {
        AlarmResult.Opened => new AlarmItemResult(answer.AlarmId, StatusCodes.Status201Created, answer.EventId),
        AlarmResult.Folded => new AlarmItemResult(answer.AlarmId, StatusCodes.Status200OK, answer.EventId, Folded: true),
        _ => new AlarmItemResult(answer.AlarmId, StatusCodes.Status409Conflict,
            Detail: "This alarmId was used for another alarm of this device; nothing was changed."),
    };
}
