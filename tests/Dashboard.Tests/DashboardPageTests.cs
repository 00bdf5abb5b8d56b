using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GridActors.Dashboard.Tests;

public sealed class DashboardPageTests(DashboardServer server) : IClassFixture<DashboardServer>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Dashboard_InAHeadlessBrowser_DrawsTheCountyAndFollowsNewReports()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.Launch(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        var problems = new List<string>();
        page.PageError += (_, error) => problems.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        using var city = await server.CityClient();
        var grid = "fenglu-01-01";

        await page.GotoAsync(new Uri(server.Address, "/?dev=city").ToString());
        await Expect(page.Locator("svg [data-grid]")).ToHaveCountAsync(448, new() { Timeout = Ms(Patience) });
        await Expect(page.Locator("[data-kpi=reportedToday]")).ToHaveTextAsync("0", new() { Timeout = Ms(Patience) });
        await Expect(page.Locator($"[data-grid='{grid}']")).ToHaveAttributeAsync("data-open", "0");
        for (var i = 0; i < 3; i++)
        {
            (await city.PostAsJsonAsync("/api/events", new { gridId = grid, category = "hazard", title = $"Loose manhole cover {i}" }))
                .EnsureSuccessStatusCode();
        }

        await Expect(page.Locator("[data-kpi=reportedToday]")).ToHaveTextAsync("3", new() { Timeout = Ms(Patience) });
        await Expect(page.Locator("[data-kpi=open]")).ToHaveTextAsync("3", new() { Timeout = Ms(Patience) });
        await Expect(page.Locator($"[data-grid='{grid}']")).ToHaveAttributeAsync("data-open", "3", new() { Timeout = Ms(Patience) });
        await Expect(page.Locator("#feed")).ToContainTextAsync("Loose manhole cover", new() { Timeout = Ms(Patience) });
        await Expect(page.Locator("#mode")).ToHaveAttributeAsync("data-mode", "routine");
        await SaveScreenshot(page);

        Assert.Empty(problems);
    }

    /// <summary>Kept with the test results, and attached to the test, so a reviewer can see what the browser saw.</summary>
    private static async Task SaveScreenshot(IPage page)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "dashboard.png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment("dashboard.png", png, "image/png");
    }

    private static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;
}
