namespace GridActors.Api.Open311;

public static class Open311Extensions
{
    /// <summary>Open311's systems, catalogue and forms, and its error format for everything under <c>/open311/</c>.</summary>
    public static WebApplicationBuilder AddOpen311(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(Open311Options.Section).Get<Open311Options>() ?? new();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<Open311Systems>();
        builder.Services.AddSingleton<Open311Catalogue>();
        builder.Services.AddSingleton<AddressResolver>();
        builder.Services.AddSingleton<Open311RequestForm>();
        builder.Services.AddSingleton<Open311Requests>();
        // The problem details service asks its writers in order and takes the first that accepts: this one first.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, Open311ProblemWriter>());
        return builder;
    }
}
