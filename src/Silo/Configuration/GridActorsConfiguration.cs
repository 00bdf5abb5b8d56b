using GridActors.Grains.Clock;
using GridActors.Grains.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GridActors.Silo.Configuration;

/// <summary>
/// Binds and validates every configuration key of docs/API.md "Configuration" that a silo host reads, failing at start-up
/// with the key's name rather than later with a confusing error.
/// </summary>
public static class GridActorsConfiguration
{
    public static StorageOptions ReadStorage(IConfiguration configuration)
    {
        var options = new StorageOptions
        {
            Kind = (configuration["Storage"] ?? StorageOptions.Memory).Trim().ToLowerInvariant(),
            PostgresConnectionString = configuration.GetConnectionString("Postgres"),
        };
        return options.Kind switch
        {
            StorageOptions.Memory => options,
            StorageOptions.Postgres when string.IsNullOrWhiteSpace(options.PostgresConnectionString) =>
                throw new OptionsValidationException("Storage", typeof(StorageOptions),
                    ["Storage=postgres needs ConnectionStrings:Postgres."]),
            StorageOptions.Postgres => options,
            _ => throw new OptionsValidationException("Storage", typeof(StorageOptions),
                [$"Storage must be 'memory' or 'postgres', not '{options.Kind}'."]),
        };
    }

    /// <summary>
    /// <c>Orleans:Dashboard</c>: whether silos report to the Orleans Dashboard and the Api serves it at
    /// <c>/orleans</c>. On by default except in Production, like development tokens: its page has no login.
    /// </summary>
    public static bool ReadOrleansDashboard(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Orleans:Dashboard", !environment.IsProduction());

    /// <summary>
    /// <c>Orleans:CaseIdleTime</c> (default 15 s, 10 s to 2 h): how long an open case's grain stays resident
    /// after its last call. A case waits minutes to days between steps, so keeping it for Orleans' default of two
    /// hours holds a whole peak in memory; after it, the next step reads the case again, one row by its key.
    /// A peak reporting 2,400 cases a second keeps the rate times this many resident, a few KB each, and every one
    /// of them dies old, in the GC's oldest generation: at one minute the 400k PostgreSQL drill's Api peaked at
    /// 2,273 MB, at 15 s at 1,718 MB (docs/BENCHMARKS.md, 2026-12-03 and 2026-12-07).
    /// </summary>
    public static TimeSpan ReadCaseIdleTime(IConfiguration configuration)
    {
        var idle = configuration.GetValue("Orleans:CaseIdleTime", DefaultCaseIdleTime);
        return idle >= TimeSpan.FromSeconds(10) && idle <= TimeSpan.FromHours(2)
            ? idle
            : throw new OptionsValidationException("Orleans:CaseIdleTime", typeof(TimeSpan),
                [$"Orleans:CaseIdleTime must be between 00:00:10 and 02:00:00, not {idle}."]);
    }

    public static readonly TimeSpan DefaultCaseIdleTime = TimeSpan.FromSeconds(15);

    public static SiloEndpointOptions ReadEndpoints(IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloEndpointOptions.Section).Get<SiloEndpointOptions>() ?? new();
        if (options.SiloPort is < 1 or > 65535 || options.GatewayPort is < 1 or > 65535 || options.SiloPort == options.GatewayPort)
        {
            throw new OptionsValidationException(SiloEndpointOptions.Section, typeof(SiloEndpointOptions),
                ["Orleans:SiloPort and Orleans:GatewayPort must be two different ports between 1 and 65535."]);
        }
        if (!System.Net.IPAddress.TryParse(options.AdvertisedIP, out _))
        {
            throw new OptionsValidationException(SiloEndpointOptions.Section, typeof(SiloEndpointOptions),
                [$"Orleans:AdvertisedIP must be an IP address, not '{options.AdvertisedIP}'."]);
        }
        return options;
    }

    /// <summary>Options that grains and hosted services read through <see cref="IOptions{T}"/>.</summary>
    public static IServiceCollection AddGridActorsOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClockOptions>()
            .Bind(configuration.GetSection(ClockOptions.Section))
            .Validate(o => o.Speed is >= GridClock.MinSpeed and <= GridClock.MaxSpeed,
                $"Clock:Speed must be between {GridClock.MinSpeed} and {GridClock.MaxSpeed}.")
            .ValidateOnStart();
        services.AddOptions<DispatchOptions>().Bind(configuration.GetSection(DispatchOptions.Section));
        services.AddOptions<DuplicatesOptions>()
            .Bind(configuration.GetSection(DuplicatesOptions.Section))
            .Validate(o => o.RadiusMeters is > 0 and <= 1000 && o.Window > TimeSpan.Zero && o.MaxNearbyRadiusMeters is > 0 and <= 5000,
                "Duplicates:RadiusMeters must be 0 to 1,000 m, Duplicates:Window positive, Duplicates:MaxNearbyRadiusMeters 0 to 5,000 m.")
            .ValidateOnStart();
        services.AddOptions<Grains.Audit.AuditOptions>().Bind(configuration.GetSection(Grains.Audit.AuditOptions.Section));
        services.AddOptions<SimulationOptions>()
            .Bind(configuration.GetSection(SimulationOptions.Section))
            .Validate(o => o.EventsPerDay is > 0 and <= 10_000_000, "Simulation:EventsPerDay must be between 0 and 10,000,000.")
            .ValidateOnStart();
        return services;
    }
}
