namespace GridActors.LoadTest.Tests.Cli;

public sealed class DrillSyntaxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 5, TimeSpan.Zero);

    private static DrillOptions Bind(params string[] args)
    {
        var syntax = new DrillSyntax();
        var parsed = syntax.Command.Parse(args);
        Assert.Empty(parsed.Errors);
        return syntax.Bind(parsed, Now);
    }

    [Fact]
    public void Bind_NoArguments_ReadDrillWithTheOldDefaults()
    {
        var options = Bind();

        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.BaseUrl);
        Assert.Null(options.Events);
        Assert.True(options.Loop);
        Assert.Equal(20_000, options.Requests);
        Assert.Equal(16, options.Concurrency);
        Assert.Equal(0, options.Dashboards);
        Assert.Null(options.ReportPath);
        Assert.Equal(DrillMode.Peak, options.Mode);
        Assert.Equal(200, options.Rate);
        Assert.False(options.Cleanup);
        Assert.Null(options.ApiPid);
    }

    [Fact]
    public void Bind_TheBenchmarksCommandLine_EveryValueTaken()
    {
        var options = Bind("--url", "http://127.0.0.1:5085", "--events", "400000", "--concurrency", "64", "--dashboards", "4",
            "--loop", "false", "--report", "r.html", "--requests", "7");

        Assert.Equal(new Uri("http://127.0.0.1:5085"), options.BaseUrl);
        Assert.Equal(400_000, options.Events);
        Assert.Equal(64, options.Concurrency);
        Assert.Equal(4, options.Dashboards);
        Assert.False(options.Loop);
        Assert.Equal("r.html", options.ReportPath);
        Assert.Equal(7, options.Requests);
    }

    [Fact]
    public void Bind_FieldModeWithItsOptions_Taken()
    {
        var options = Bind("--events", "10", "--mode", "field", "--rate", "50", "--drill-id", "night-1", "--cleanup", "true", "--api-pid", "4242");

        Assert.Equal(DrillMode.Field, options.Mode);
        Assert.Equal(50, options.Rate);
        Assert.Equal("night-1", options.DrillId);
        Assert.True(options.Cleanup);
        Assert.Equal(4242, options.ApiPid);
    }

    [Fact]
    public void Bind_NoDrillIdOrReport_BothNamedAfterTheStartInUtc()
    {
        var options = Bind("--events", "10");

        Assert.Equal("drill-20261204-093005", options.DrillId);
        Assert.Equal(Path.Combine("drill-reports", "drill-20261204-093005.html"), options.HtmlReportPath);
    }

    [Theory]
    [InlineData("--events", "0")]
    [InlineData("--events", "ten")]
    [InlineData("--events", "-5")]
    [InlineData("--concurrency", "0")]
    [InlineData("--dashboards", "-1")]
    [InlineData("--url", "not a url")]
    [InlineData("--url", "ftp://host/")]
    [InlineData("--mode", "fast")]
    [InlineData("--drill-id", "Upper-Case")]
    [InlineData("--drill-id", "a_b")]
    [InlineData("--loop", "maybe")]
    [InlineData("--unknown", "1")]
    public void Parse_BadValue_AnError(string name, string value)
    {
        var parsed = new DrillSyntax().Command.Parse([name, value]);

        Assert.NotEmpty(parsed.Errors);
    }

    [Fact]
    public void Parse_DrillIdOfSixtyFiveCharacters_Refused()
    {
        var parsed = new DrillSyntax().Command.Parse(["--drill-id", new string('a', 65)]);

        Assert.Contains(parsed.Errors, e => e.Message.Contains("--drill-id", StringComparison.Ordinal));
    }
}
