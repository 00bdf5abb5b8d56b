using System.Net;
using System.Text.Json;
using GridActors.LoadTest.Metrics;
using GridActors.LoadTest.Storm;

namespace GridActors.LoadTest.Tests.Storm;

public sealed class AlarmFeedTests
{
    private static readonly StormSchedule Schedule = StormAnswers.Schedule();

    /// <summary>Answers each request with the next status of <paramref name="statuses"/>, the feed's answers for a 200; keeps every body.</summary>
    private sealed class ScriptedFeed(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        private int _next;

        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Bodies.Add(body);
            var status = statuses[Math.Min(_next++, statuses.Length - 1)];
            if (status != HttpStatusCode.OK)
            {
                return new HttpResponseMessage(status) { Content = new StringContent("{\"title\":\"busy\"}") };
            }
            var answers = JsonDocument.Parse(body).RootElement.EnumerateArray()
                .Select(a => new { alarmId = a.GetProperty("alarmId").GetString(), status = 201, eventId = "e1", folded = false });
            return AnsweringHandler.Json(answers);
        }
    }

    private static AlarmFeed Feed(ScriptedFeed handler, LatencyMeter? meter = null) =>
        new(new HttpClient(handler) { BaseAddress = new Uri("http://county.test") }, meter ?? new LatencyMeter(), TimeSpan.FromSeconds(30));

    [Fact]
    public async Task SendAsync_TheItems_AnArrayOfTheContractsFields()
    {
        var handler = new ScriptedFeed(HttpStatusCode.OK);

        await Feed(handler).SendAsync([Schedule.Alarm(0)], TestContext.Current.CancellationToken);

        var item = JsonDocument.Parse(handler.Bodies[0]).RootElement[0];
        Assert.Equal(Schedule.Alarm(0).AlarmId, item.GetProperty("alarmId").GetString());
        Assert.Equal("dev-000", item.GetProperty("deviceId").GetString());
        Assert.Equal("intrusion", item.GetProperty("kind").GetString());
        Assert.Equal(Schedule.Alarm(0).At, item.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("storm-test", item.GetProperty("drill").GetString());
        Assert.StartsWith("https://", item.GetProperty("snapshotUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_BusyTwice_TheSameBatchAgainThenItsAnswersOneLatency()
    {
        var handler = new ScriptedFeed(HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        var meter = new LatencyMeter();
        var feed = Feed(handler, meter);

        var outcome = await feed.SendAsync([Schedule.Alarm(0), Schedule.Alarm(1)], TestContext.Current.CancellationToken);

        Assert.Equal(2, outcome.Answers?.Count);
        Assert.Equal(3, handler.Bodies.Count);
        Assert.Single(handler.Bodies.Distinct());
        Assert.Equal(2, feed.Retries);
        Assert.Equal(1, feed.RetriedBecause["503"]);
        Assert.Equal(1, feed.RetriedBecause["429"]);
        meter.Roll();
        Assert.Equal(1, meter.Whole().Count);
    }

    [Fact]
    public async Task SendAsync_AWholeRequestRefused_FailedWithoutRetrying()
    {
        var handler = new ScriptedFeed(HttpStatusCode.BadRequest);
        var feed = Feed(handler);

        var outcome = await feed.SendAsync([Schedule.Alarm(0)], TestContext.Current.CancellationToken);

        Assert.Null(outcome.Answers);
        Assert.StartsWith("400", outcome.Failure, StringComparison.Ordinal);
        Assert.Single(handler.Bodies);
        Assert.Equal(0, feed.Retries);
    }
}
