using Microsoft.Playwright;

namespace GridActors.Dashboard.Tests;

/// <summary>Debian's Chromium, headless, driven by Playwright (eng/chromium.sh installs it).</summary>
public static class Browser
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("GRIDACTORS_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        // No sandbox as root in a container; no background networking, which this machine's closed network refuses.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
}
