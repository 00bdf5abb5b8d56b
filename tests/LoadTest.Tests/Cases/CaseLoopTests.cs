using GridActors.LoadTest.Cases;

namespace GridActors.LoadTest.Tests.Cases;

public sealed class CaseLoopTests
{
    private static DrillCase Case(string status) => new(1, "e1", status, "worker-1", DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("reported", "accept dispatch start resolve verify")]
    [InlineData("accepted", "dispatch start resolve verify")]
    [InlineData("dispatched", "start resolve verify")]
    public void Steps_FromEachFirstStatus_TheLoopToTheClose(string status, string labels) =>
        Assert.Equal(labels, string.Join(' ', CaseLoop.Steps(Case(status), rework: false).Select(s => s.Label)));

    [Fact]
    public void Steps_Rework_AFailedVerificationThenTheWorkAgain() =>
        Assert.Equal("start resolve verify-failed start resolve verify",
            string.Join(' ', CaseLoop.Steps(Case("dispatched"), rework: true).Select(s => s.Label)));
}
