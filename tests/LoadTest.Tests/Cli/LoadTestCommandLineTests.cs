using GridActors.LoadTest.Cli;

namespace GridActors.LoadTest.Tests.Cli;

public sealed class LoadTestCommandLineTests
{
    [Theory]
    [InlineData("--events", "x")]
    [InlineData("storage", "--writes", "5")]
    [InlineData("soak", "--rate", "0")]
    [InlineData("faults", "--cases", "many")]
    [InlineData("calibrate", "--speed")]
    [InlineData("--mode", "field", "--rate", "-3")]
    public async Task RunAsync_BadCommandLine_ExitCodeTwoWithTheReason(params string[] args)
    {
        using var error = new StringWriter();

        var exitCode = await LoadTestCommandLine.RunAsync(args, error);

        Assert.Equal(2, exitCode);
        Assert.Contains("--help", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fault")]
    [InlineData("faults")]
    [InlineData("storage")]
    [InlineData("soak")]
    [InlineData("calibrate")]
    public void Parse_EachCommandName_ReachesItsCommand(string name)
    {
        var parsed = LoadTestCommandLine.Create([]).Parse([name, "--help"]);

        Assert.Contains(name, parsed.CommandResult.Command.Aliases.Append(parsed.CommandResult.Command.Name));
    }
}
