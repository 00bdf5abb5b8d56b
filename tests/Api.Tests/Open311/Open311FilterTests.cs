using GridActors.Api.Open311;

namespace GridActors.Api.Tests.Open311;

public sealed class Open311FilterTests
{
    private static readonly DateTimeOffset Now = new(2022, 11, 16, 8, 0, 0, TimeSpan.Zero);

    private static Open311Filter Parse(params (string Key, string Value)[] arguments)
    {
        string? Get(string key) => arguments.Where(a => a.Key == key).Select(a => a.Value).FirstOrDefault();
        var query = new Open311RequestsQuery(Get("api_key"), Get("jurisdiction_id"), Get("service_request_id"), Get("service_code"),
            Get("start_date"), Get("end_date"), Get("status"), Get("page"), Get("page_size"));
        return Open311Filter.Parse(query, Now, code => code is "hazard" or "dispute", "chengjiang");
    }

    [Fact]
    public void Parse_NoArguments_IsTheLast90Days_OpenAndClosed_FirstPage()
    {
        var query = Parse().Query!;

        Assert.Equal(Now.AddDays(-90), query.From);
        Assert.Null(query.To);
        Assert.Null(query.IsOpen);
        Assert.Equal((1, Open311Filter.DefaultPageSize), (query.Page, query.PageSize));
    }

    [Fact]
    public void Parse_TheSpecificationsExample_ServiceCodesDatesAndStatus()
    {
        var query = Parse(("start_date", "2010-05-24T00:00:00Z"), ("end_date", "2010-06-24T00:00:00Z"), ("status", "open"),
            ("service_code", "hazard,dispute")).Query!;

        Assert.Equal(new DateTimeOffset(2010, 5, 24, 0, 0, 0, TimeSpan.Zero), query.From);
        Assert.Equal(new DateTimeOffset(2010, 6, 24, 0, 0, 0, TimeSpan.Zero), query.To);
        Assert.True(query.IsOpen);
        Assert.Equal(["hazard", "dispute"], query.Categories!);
    }

    [Fact]
    public void Parse_ServiceRequestIds_OverrideTheOtherArguments()
    {
        var query = Parse(("service_request_id", "E1, E2"), ("status", "closed"), ("start_date", "2010-05-24T00:00:00Z")).Query!;

        Assert.Equal(["E1", "E2"], query.Ids!);
        Assert.Null(query.IsOpen);
        Assert.Null(query.From);
    }

    [Fact]
    public void Parse_OpenAndClosed_IsEveryRequest_AndEndDateAloneReachesBack90Days()
    {
        var query = Parse(("status", "open,closed"), ("end_date", "2022-10-01T00:00:00+08:00")).Query!;

        Assert.Null(query.IsOpen);
        Assert.Equal(new DateTimeOffset(2022, 10, 1, 0, 0, 0, TimeSpan.FromHours(8)).AddDays(-90), query.From);
    }

    [Theory]
    [InlineData("start_date", "2022-11-01", "ISO 8601")]
    [InlineData("end_date", "yesterday", "ISO 8601")]
    [InlineData("status", "pending", "not open or closed")]
    [InlineData("page", "0", "page is a whole number")]
    [InlineData("page_size", "201", "page_size is a whole number from 1 to 200")]
    public void Parse_ABadArgument_IsAnErrorNamingIt(string key, string value, string expected)
    {
        var filter = Parse((key, value));

        Assert.Null(filter.Query);
        Assert.Contains(filter.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("service_code", "pothole", "service_code 'pothole'")]
    [InlineData("jurisdiction_id", "city.gov", "jurisdiction_id 'city.gov'")]
    public void Parse_AServiceOrJurisdictionNotServedHere_Is404(string key, string value, string expected)
    {
        var filter = Parse((key, value));

        Assert.Null(filter.Query);
        Assert.Equal(404, filter.Status);
        Assert.Contains(expected, Assert.Single(filter.Errors));
    }

    [Fact]
    public void Parse_AnEndDateAtTheStartOfTime_ReachesBackNoFurther() =>
        Assert.Equal(DateTimeOffset.MinValue, Parse(("end_date", "0001-01-02T00:00:00Z")).Query!.From);

    [Fact]
    public void Parse_StartAfterEnd_IsAnError() =>
        Assert.Null(Parse(("start_date", "2022-11-02T00:00:00Z"), ("end_date", "2022-11-01T00:00:00Z")).Query);
}
