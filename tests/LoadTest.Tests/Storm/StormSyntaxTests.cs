using GridActors.LoadTest.Cli;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class StormSyntaxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 3, 4, 5, TimeSpan.Zero);

    private static StormOptions Bind(params string[] args)
    {
        var syntax = new StormSyntax();
        var parsed = syntax.Command.Parse(args);
        Assert.Empty(parsed.Errors);
        return syntax.Bind(parsed, Now);
    }

    [Fact]
    public void Bind_NoArguments_TheDefaultStormOfTheLocalApi()
    {
        var options = Bind();

        Assert.Equal(new StormOptions(new Uri("http://127.0.0.1:5080"), 4000, 60, 1000, 8, 1, 0.01, true, null, "storm-20261208-030405") { StartedAt = Now }, options);
        Assert.Equal(240_000, options.Alarms);
        Assert.Equal(Path.Combine("drill-reports", "storm-storm-20261208-030405.json"), options.JsonReportPath);
    }

    [Fact]
    public void Bind_EveryOption_Taken()
    {
        var options = Bind("--url", "http://127.0.0.1:5091", "--devices", "100", "--seconds", "5", "--batch", "250", "--concurrency", "4",
            "--kinds", "6", "--retry-share", "0.5", "--cleanup", "false", "--report", "out/s.json", "--drill-id", "storm-warm");

        Assert.Equal(new StormOptions(new Uri("http://127.0.0.1:5091"), 100, 5, 250, 4, 6, 0.5, false, "out/s.json", "storm-warm") { StartedAt = Now }, options);
        Assert.Equal("out/s.json", options.JsonReportPath);
    }

    [Theory]
    [InlineData("--devices", "0")]
    [InlineData("--seconds", "x")]
    [InlineData("--batch", "0")]
    [InlineData("--batch", "1001")]
    [InlineData("--concurrency", "-1")]
    [InlineData("--kinds", "7")]
    [InlineData("--kinds", "0")]
    [InlineData("--retry-share", "1.5")]
    [InlineData("--retry-share", "-0.1")]
    [InlineData("--retry-share", "some")]
    [InlineData("--cleanup", "perhaps")]
    [InlineData("--drill-id", "Storm_1")]
    [InlineData("--drill-id", "-storm")]
    [InlineData("--url", "not a url")]
    public void Parse_BadValue_AnErrorNamingTheOption(string name, string value)
    {
        var parsed = new StormSyntax().Command.Parse([name, value]);

        Assert.NotEmpty(parsed.Errors);
    }

    [Theory]
    [InlineData("storm", "--batch", "1001")]
    [InlineData("storm", "--retry-share", "2")]
    [InlineData("storm", "--unknown")]
    public async Task RunAsync_BadStormCommandLine_ExitCodeTwoWithTheReason(params string[] args)
    {
        using var error = new StringWriter();

        var exitCode = await LoadTestCommandLine.RunAsync(args, error);

        Assert.Equal(LoadTestCommandLine.BadCommandLine, exitCode);
        Assert.Contains("storm --help", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Storm_ReachesTheStormCommand()
    {
        var parsed = LoadTestCommandLine.Create([]).Parse(["storm", "--seconds", "5"]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(StormOptions.Command, parsed.CommandResult.Command.Name);
    }
}
