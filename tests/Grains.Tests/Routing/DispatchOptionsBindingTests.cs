using GridActors.Grains.Configuration;
using Microsoft.Extensions.Configuration;

namespace GridActors.Grains.Tests.Routing;

/// <summary>
/// The category lists of <c>Dispatch:*</c> as configuration binds them: a configured list is the list, not the
/// defaults with it appended — an allow-list an operator narrows must come out narrower.
/// </summary>
public sealed class DispatchOptionsBindingTests
{
    [Fact]
    public void ConfiguredLists_ReplaceTheDefaults()
    {
        var options = Bind(new()
        {
            ["Dispatch:VolunteerCategories:0"] = "sanitary-city",
            ["Dispatch:GrabCategories:0"] = "rural-environment",
        });

        Assert.Equal(["sanitary-city"], options.VolunteerTaskCategories);
        Assert.Equal(["rural-environment"], options.GrabList);
    }

    [Fact]
    public void UnconfiguredLists_AreTheCampaignCategories()
    {
        var options = Bind([]);

        Assert.Equal(["civilised-city", "sanitary-city", "rural-environment"], options.VolunteerTaskCategories);
        Assert.Equal(["civilised-city", "sanitary-city", "rural-environment"], options.GrabList);
    }

    private static DispatchOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new DispatchOptions();
        configuration.GetSection(DispatchOptions.Section).Bind(options);
        return options;
    }
}
