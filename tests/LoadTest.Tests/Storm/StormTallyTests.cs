using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class StormTallyTests
{
    [Fact]
    public void Verify_AConsistentStorm_NoMismatchAndOneCaseAPair()
    {
        var schedule = StormAnswers.Schedule(devices: 10, seconds: 5, kinds: 2);
        var mismatches = new FailureLog();

        var verdict = StormAnswers.Tally(schedule, StormAnswers.Consistent(schedule)).Verify(mismatches);
        var counted = CaseCheck.Compare(verdict.Cases, StormAnswers.Cases(verdict.Cases.Values), schedule.Count, mismatches);

        Assert.Empty(mismatches.First());
        Assert.Equal(20, verdict.Pairs);
        Assert.Equal(20, verdict.Cases.Count);
        Assert.Equal(20, verdict.Opened);
        Assert.Equal(30, verdict.Folded);
        Assert.Equal(0, verdict.NotAccepted);
        Assert.Equal(schedule.Count, counted);
    }

    [Fact]
    public void Verify_TwoOpenCasesForOneDeviceAndKind_Found()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule);
        // The last alarm of device 3 opened a second case instead of folding into the first.
        var last = schedule.Count - schedule.Devices + 3;
        answers[last] = answers[last] with { Status = 201, EventId = "case-second", Folded = false };
        var mismatches = new FailureLog();

        StormAnswers.Tally(schedule, answers).Verify(mismatches);

        Assert.Contains(mismatches.First(), m => m.Contains("dev-003/intrusion: its alarms name 2 cases", StringComparison.Ordinal));
        Assert.Contains(mismatches.First(), m => m.Contains("2 of its alarms answered 201", StringComparison.Ordinal));
        Assert.Contains(mismatches.First(), m => m.Contains("11 alarms answered 201 for 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_AnAlarmNeverAnswered_FoundAndNotAccepted()
    {
        var schedule = StormAnswers.Schedule();
        var tally = new StormTally(schedule);
        var answers = StormAnswers.Consistent(schedule);
        // The first batch of 16 never got an answer.
        tally.Record(16..schedule.Count, answers[16..]);
        var mismatches = new FailureLog();

        var verdict = tally.Verify(mismatches);

        Assert.Equal(16, verdict.Unanswered);
        Assert.Equal(16, verdict.NotAccepted);
        Assert.Contains(mismatches.First(), m => m == $"alarm {schedule.Alarm(0).AlarmId}: no answer");
    }

    [Fact]
    public void Verify_ARefusedAlarm_FoundAndCountedByStatus()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule);
        answers[20] = answers[20] with { Status = 400, EventId = null, Folded = false, Detail = "unknown device" };
        var mismatches = new FailureLog();

        var verdict = StormAnswers.Tally(schedule, answers).Verify(mismatches);

        Assert.Equal(1, verdict.ByStatus[400]);
        Assert.Equal(1, verdict.NotAccepted);
        Assert.Contains(mismatches.First(), m => m.Contains("400", StringComparison.Ordinal) && m.Contains("unknown device", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_FoldedWithoutSayingSo_Found()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule);
        answers[30] = answers[30] with { Folded = false };
        var mismatches = new FailureLog();

        StormAnswers.Tally(schedule, answers).Verify(mismatches);

        Assert.Contains(mismatches.First(), m => m.Contains("status and folded disagree", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_ACaseCountingOneAlarmTooFew_FoundWithTheTotal()
    {
        var schedule = StormAnswers.Schedule();
        var mismatches = new FailureLog();
        var verdict = StormAnswers.Tally(schedule, StormAnswers.Consistent(schedule)).Verify(mismatches);
        var cases = StormAnswers.Cases(verdict.Cases.Values);
        cases["case-dev-004-intrusion"] = cases["case-dev-004-intrusion"]! with { Alarms = 4 };

        var counted = CaseCheck.Compare(verdict.Cases, cases, schedule.Count, mismatches);

        Assert.Equal(schedule.Count - 1, counted);
        Assert.Contains(mismatches.First(), m => m == "case case-dev-004-intrusion: counts 4 alarms, 5 were answered with it");
        Assert.Contains(mismatches.First(), m => m == $"the cases count {schedule.Count - 1} alarms, {schedule.Count} were sent");
    }

    [Fact]
    public void Compare_ACaseClosedMissingOrOfAnotherDevice_EachFound()
    {
        var schedule = StormAnswers.Schedule();
        var mismatches = new FailureLog();
        var verdict = StormAnswers.Tally(schedule, StormAnswers.Consistent(schedule)).Verify(mismatches);
        var cases = StormAnswers.Cases(verdict.Cases.Values);
        cases["case-dev-001-intrusion"] = cases["case-dev-001-intrusion"]! with { Status = "closed" };
        cases["case-dev-002-intrusion"] = null;
        cases["case-dev-003-intrusion"] = cases["case-dev-003-intrusion"]! with { DeviceId = "dev-009" };

        CaseCheck.Compare(verdict.Cases, cases, schedule.Count, mismatches);

        Assert.Contains(mismatches.First(), m => m == "case case-dev-001-intrusion: closed, not open");
        Assert.Contains(mismatches.First(), m => m == "case case-dev-002-intrusion: not found");
        Assert.Contains(mismatches.First(), m => m.StartsWith("case case-dev-003-intrusion: alarm source dev-009/intrusion", StringComparison.Ordinal));
    }

    [Fact]
    public void Verify_OneCaseNamedForTwoDevices_Found()
    {
        var schedule = StormAnswers.Schedule();
        var answers = StormAnswers.Consistent(schedule).Select(a => a with { EventId = "case-one" }).ToList();
        var mismatches = new FailureLog();

        StormAnswers.Tally(schedule, answers).Verify(mismatches);

        Assert.Contains(mismatches.First(), m => m.StartsWith("case case-one: named by alarms of dev-000/intrusion and of dev-001/intrusion", StringComparison.Ordinal));
    }
}
