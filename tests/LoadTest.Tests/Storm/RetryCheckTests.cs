using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class RetryCheckTests
{
    [Fact]
    public void Compare_EveryResendAnsweredAsTheFirstTime_AllTheSame()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule);
        var tally = StormAnswers.Tally(schedule, answers);
        int[] resent = [0, 7, 33];
        var differences = new FailureLog();

        var same = RetryCheck.Compare(tally, resent, [.. resent.Select(i => answers[i])], differences);

        Assert.Equal(3, same);
        Assert.Empty(differences.First());
    }

    [Fact]
    public void Compare_AResendThatOpenedANewCaseAndOneUnanswered_NeitherTheSame()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule);
        var tally = StormAnswers.Tally(schedule, answers);
        int[] resent = [0, 7, 33];
        var differences = new FailureLog();

        var same = RetryCheck.Compare(tally, resent, [answers[0] with { EventId = "case-new" }, null, answers[33]], differences);

        Assert.Equal(1, same);
        Assert.Equal(2, differences.Count);
        Assert.Contains(differences.First(), d => d.Contains("case-new", StringComparison.Ordinal));
    }
}
