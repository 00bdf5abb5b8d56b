namespace GridActors.Api.Events;

public static class EventServicesExtensions
{
    public static WebApplicationBuilder AddEventServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventAccess>();
        builder.Services.AddSingleton<ReportValidator>();
        builder.Services.AddSingleton<Feeds.AlarmValidator>();
        builder.Services.AddSingleton<ActionValidator>();
        builder.Services.AddSingleton<ReportIntake>();
        builder.Services.AddSingleton<Audit.AuditRecorder>();
        builder.Services.AddSingleton<ParticipantAccess>();
        builder.Services.AddSingleton<ScopeResolver>();
        builder.Services.AddSingleton<PeriodTallies>();
        builder.Services.AddSingleton<PeriodPoints>();
        builder.Services.AddSingleton<Leaderboards>();
        return builder;
    }
}
