using System.Globalization;
using System.Net;
using System.Xml.Linq;
using GridActors.Api.Tests.Infrastructure;
using static GridActors.Api.Tests.Open311.Open311Calls;

namespace GridActors.Api.Tests.Open311;

/// <summary>
/// An upstream system files a request as the specification's POST example does, and reads it back by id, by token
/// and in listings, in XML and JSON; every refusal is an Open311 error with the HTTP status as its code.
/// </summary>
public sealed class Open311RequestsTests(Open311ApiFactory api) : IClassFixture<Open311ApiFactory>
{
    private static readonly GridActors.Grains.Topology.GridPlace Grid = County.GridOf(townshipIndex: 2, gridIndex: 3);

    /// <summary>The specification's example POST, with this county's jurisdiction, service and place; <paramref name="more"/> replaces or adds fields.</summary>
    private static FormUrlEncodedContent SpecificationExample(string apiKey = Open311ApiFactory.HotlineKey, params (string Key, string Value)[] more)
    {
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = apiKey,
            ["jurisdiction_id"] = County.Topology.City.Id,
            ["service_code"] = "hazard",
            ["lat"] = Grid.Grid.Centroid.Lat.ToString(CultureInfo.InvariantCulture),
            ["long"] = Grid.Grid.Centroid.Lng.ToString(CultureInfo.InvariantCulture),
            ["address_string"] = "1234 5th street",
            ["email"] = "smit333@sfgov.edu",
            ["device_id"] = "tt222111",
            ["account_id"] = "123456",
            ["first_name"] = "john",
            ["last_name"] = "smith",
            ["phone"] = "111111111",
            ["description"] = "A large sinkhole is destroying the street",
            ["media_url"] = "http://www.city.gov/media/638344.jpg",
        };
        foreach (var (key, value) in more)
        {
            fields[key] = value;
        }
        return Form([.. fields.Select(f => (f.Key, f.Value))]);
    }

    private static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    [Fact]
    public async Task Post_TheSpecificationsExample_Is201WithTheRequestId_AndReadsBackInXmlAndJson()
    {
        using var client = api.CreateClient();

        var response = await client.PostRequest("xml", SpecificationExample());
        var created = (await response.Xml()).Element("request")!;
        var id = created.Element("service_request_id")!.Value;
        var xml = (await (await client.GetAsync($"/open311/v2/requests/{id}.xml?api_key={Open311ApiFactory.HotlineKey}")).Xml()).Element("request")!;
        var json = (await (await client.GetAsync($"/open311/v2/requests/{id}.json?api_key={Open311ApiFactory.HotlineKey}")).Open311Json())[0];

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/open311/v2/requests/{id}.xml", response.Headers.Location?.OriginalString);
        Assert.Equal(["service_request_id", "service_notice", "account_id"], created.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("123456", created.Element("account_id")!.Value);
        Assert.Contains("已受理", created.Element("service_notice")!.Value);
        Assert.Equal(RequestFields, xml.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("open", xml.Element("status")!.Value);
        Assert.Equal("hazard", xml.Element("service_code")!.Value);
        Assert.Equal("问题隐患", xml.Element("service_name")!.Value);
        Assert.Equal("A large sinkhole is destroying the street", xml.Element("description")!.Value);
        Assert.Equal(Grid.Grid.Id, xml.Element("address_id")!.Value);
        Assert.Contains(Grid.Grid.Name, xml.Element("address")!.Value);
        Assert.Equal("http://www.city.gov/media/638344.jpg", xml.Element("media_url")!.Value);
        Assert.Matches(@"Z$", xml.Element("requested_datetime")!.Value);
        Assert.DoesNotContain("111111111", xml.ToString());
        Assert.DoesNotContain("smit333", xml.ToString());
        Assert.Equal(id, json.Str("service_request_id"));
        Assert.Equal(Grid.Grid.Centroid.Lat, json.GetProperty("lat").GetDouble(), 6);
        Assert.Equal(RequestFields, json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Post_TheContact_IsTheCasesPerson_WholeForTheCity_MaskedForOthers_AndTheReporterIsTheSystem()
    {
        using var client = api.CreateClient();
        var id = await FileAsync(client, SpecificationExample());
        using var city = await api.ClientFor("city");
        using var village = await api.ClientFor("village", Grid.Village.Id);

        var whole = await (await city.GetAsync($"/api/events/{id}")).Json();
        var masked = (await (await village.GetAsync($"/api/events/{id}")).Json()).GetProperty("person");

        Assert.Equal("john smith", whole.GetProperty("person").Str("name"));
        Assert.Equal("111111111", whole.GetProperty("person").Str("phone"));
        Assert.Equal("smit333@sfgov.edu", whole.GetProperty("person").Str("email"));
        Assert.Equal("upstream", whole.GetProperty("reporter").Str("kind"));
        Assert.Equal("12345-hotline", whole.GetProperty("reporter").Str("id"));
        Assert.Equal("A large sinkhole is destroying the street", whole.Str("title"));
        Assert.Equal("http://www.city.gov/media/638344.jpg", whole.Str("mediaUrl"));
        Assert.Equal("s******@sfgov.edu", masked.Str("email"));
        Assert.Equal("111**1111", masked.Str("phone"));
    }

    [Fact]
    public async Task Post_AChineseName_IsFamilyNameFirst_AndTheAttributesSetTitleAndPriority()
    {
        using var client = api.CreateClient();
        var id = await FileAsync(client, SpecificationExample(more:
        [
            ("first_name", "秀英"), ("last_name", "李"),
            ("attribute[title]", "路面塌陷"), ("attribute[priority]", "critical"),
        ]));
        using var city = await api.ClientFor("city");

        var body = await (await city.GetAsync($"/api/events/{id}")).Json();

        Assert.Equal("路面塌陷", body.Str("title"));
        Assert.Equal("critical", body.Str("priority"));
        Assert.Equal("李秀英", body.GetProperty("person").Str("name"));
    }

    [Fact]
    public async Task Post_ByAddressString_NamingAGrid_FilesItThere_AndByAddressId()
    {
        using var client = api.CreateClient();
        var other = County.GridOf(townshipIndex: 4, gridIndex: 2);

        var byName = await FileAsync(client, Form(("api_key", Open311ApiFactory.HotlineKey), ("service_code", "dispute"),
            ("address_string", $"{other.Township.Name}{other.Grid.Name}3号"), ("description", "邻里因排水沟堵塞发生争执")));
        var byId = await FileAsync(client, Form(("api_key", Open311ApiFactory.HotlineKey), ("service_code", "dispute"),
            ("address_id", other.Grid.Id), ("description", "邻里因排水沟堵塞发生争执")));

        foreach (var id in new[] { byName, byId })
        {
            var request = (await (await client.GetAsync($"/open311/v2/requests/{id}.xml?api_key={Open311ApiFactory.HotlineKey}")).Xml()).Element("request")!;
            Assert.Equal(other.Grid.Id, request.Element("address_id")!.Value);
            Assert.Equal(other.Grid.Centroid.Lat.ToString(CultureInfo.InvariantCulture), request.Element("lat")!.Value);
        }
    }

    [Fact]
    public async Task Post_RetriedWithItsIdempotencyKey_IsOneRequest_AndTheKeyIsItsToken()
    {
        using var client = api.CreateClient();
        var token = Guid.NewGuid().ToString("N");

        var first = await client.PostRequest("json", SpecificationExample(), token);
        var again = await client.PostRequest("json", SpecificationExample(), token);
        var tokenAnswer = await (await client.GetAsync($"/open311/v2/tokens/{token}.json?api_key={Open311ApiFactory.HotlineKey}")).Open311Json();
        var otherSystems = await client.GetAsync($"/open311/v2/tokens/{token}.xml?api_key={Open311ApiFactory.TownshipPlatformKey}");

        var id = (await first.Open311Json())[0].Str("service_request_id");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Open311Json())[0].Str("service_request_id"));
        Assert.False((await again.Open311Json())[0].TryGetProperty("token", out _), "a token only where there is no id");
        Assert.Equal(id, tokenAnswer[0].Str("service_request_id"));
        await otherSystems.Open311Error(404);
    }

    [Fact]
    public async Task GetRequests_ByStatusServiceAndDate_AndPaged_AnswersTheMatchingRequests()
    {
        using var client = api.CreateClient();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var open = await FileAsync(client, SpecificationExample(more: [("service_code", "rural-environment")]));
        // A hundred metres apart: at the same spot the second would join the first as its duplicate (docs/INTAKE.md).
        var apart = (Grid.Grid.Centroid.Lat + 0.001).ToString(CultureInfo.InvariantCulture);
        var closed = await FileAsync(client, SpecificationExample(more: [("service_code", "rural-environment"), ("lat", apart)]));
        using var city = await api.ClientFor("city");
        (await city.ActAsync(closed, "cancel", new { note = "重复上报" })).EnsureSuccessStatusCode();
        var key = Open311ApiFactory.HotlineKey;

        var closedOnes = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&status=closed&service_code=rural-environment&start_date={since}");
        var openOnes = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&status=open&service_code=rural-environment&start_date={since}");
        var both = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&service_request_id={open},{closed}");
        var firstPage = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&service_code=rural-environment&start_date={since}&page_size=1");
        var secondPage = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&service_code=rural-environment&start_date={since}&page_size=1&page=2");
        var cancelled = (await (await client.GetAsync($"/open311/v2/requests/{closed}.xml?api_key={key}")).Xml()).Element("request")!;

        Assert.Contains(closed, closedOnes);
        Assert.DoesNotContain(open, closedOnes);
        Assert.Contains(open, openOnes);
        Assert.DoesNotContain(closed, openOnes);
        Assert.Equal(new[] { open, closed }.Order(), both.Order());
        Assert.Single(firstPage);
        Assert.Single(secondPage);
        Assert.NotEqual(firstPage, secondPage);
        Assert.Equal("closed", cancelled.Element("status")!.Value);
        Assert.Equal("cancelled: 重复上报", cancelled.Element("status_notes")!.Value);
        Assert.True(cancelled.Element("expected_datetime")!.IsEmpty);
    }

    [Fact]
    public async Task ATownshipsPlatform_FilesAndReadsInItsTownshipOnly()
    {
        using var client = api.CreateClient();
        var own = County.GridOf(townshipIndex: 1, gridIndex: 0);
        var key = Open311ApiFactory.TownshipPlatformKey;
        var county = await FileAsync(client, SpecificationExample());
        var mine = await FileAsync(client, Form(("api_key", key), ("service_code", "hazard"), ("address_id", own.Grid.Id), ("description", "护栏松动")));

        var foreign = await client.PostRequest("xml", SpecificationExample(key));
        var readForeign = await client.GetAsync($"/open311/v2/requests/{county}.xml?api_key={key}");
        var listed = await Ids(client, $"/open311/v2/requests.xml?api_key={key}&service_request_id={county},{mine}");

        Assert.Equal(Open311ApiFactory.PlatformTownship.Id, own.Township.Id);
        Assert.Contains("township", await foreign.Open311Error(403));
        await readForeign.Open311Error(403);
        Assert.Equal([mine], listed);
    }

    [Theory]
    [InlineData(null, 400, "api_key is required")]
    [InlineData("not-a-key", 403, "Invalid api_key")]
    public async Task Post_WithoutAValidApiKey_IsRefused_AndFilesNothing(string? apiKey, int status, string expected)
    {
        using var client = api.CreateClient();
        var description = $"无效密钥 {Guid.NewGuid():N}";
        var fields = new List<(string, string)> { ("service_code", "hazard"), ("address_id", Grid.Grid.Id), ("description", description) };
        if (apiKey is not null)
        {
            fields.Add(("api_key", apiKey));
        }

        var response = await client.PostRequest("xml", Form([.. fields]));

        Assert.Contains(expected, await response.Open311Error(status));
        Assert.Empty(await RequestsDescribed(description));
    }

    [Theory]
    [InlineData("lat", "north", "lat and long")]
    [InlineData("attribute[WHISHETN]", "123", "attribute[WHISHETN]")]
    [InlineData("phone", "call me", "phone:")]
    [InlineData("email", "smit333", "email:")]
    [InlineData("media_url", "ftp://city.gov/1.jpg", "media_url:")]
    [InlineData("attribute[priority]", "asap", "attribute[priority]:")]
    public async Task Post_WithABadArgument_Is400NamingItInOpen311Terms_AndFilesNothing(string field, string value, string expected)
    {
        using var client = api.CreateClient();
        var description = $"坏参数 {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string>
        {
            ["api_key"] = Open311ApiFactory.HotlineKey,
            ["service_code"] = "hazard",
            ["lat"] = Grid.Grid.Centroid.Lat.ToString(CultureInfo.InvariantCulture),
            ["long"] = Grid.Grid.Centroid.Lng.ToString(CultureInfo.InvariantCulture),
            ["description"] = description,
            [field] = value,
        };

        var response = await client.PostRequest("xml", Form([.. fields.Select(f => (f.Key, f.Value))]));

        Assert.Contains(expected, await response.Open311Error(400));
        Assert.Empty(await RequestsDescribed(description));
    }

    [Theory]
    [InlineData("service_code", "pothole", "service_code 'pothole'")]
    [InlineData("jurisdiction_id", "city.gov", "jurisdiction_id 'city.gov'")]
    public async Task Post_AServiceOrJurisdictionNotServedHere_Is404_AsTheSpecificationSays(string field, string value, string expected)
    {
        using var client = api.CreateClient();

        var response = await client.PostRequest("xml", SpecificationExample(more: [(field, value)]));

        Assert.Contains(expected, await response.Open311Error(404));
    }

    [Theory]
    [InlineData("description", "井盖\u0001缺失")]
    [InlineData("attribute[title]", "路灯\u000b不亮")]
    public async Task Post_AControlCharacterInText_Is400(string field, string value)
    {
        using var client = api.CreateClient();

        // A title of its own, so that the description's character is not also the title's.
        var response = await client.PostRequest("xml", SpecificationExample(more: [("attribute[title]", "井盖缺失"), (field, value)]));

        Assert.Contains("control character", await response.Open311Error(400));
    }

    [Fact]
    public async Task Post_AMultipartFormWithoutItsBoundary_Is400()
    {
        using var client = api.CreateClient();
        var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\ndev\r\n");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data");

        var response = await client.PostAsync("/open311/v2/requests.xml", content);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("errors", (await response.Xml()).Name.LocalName);
    }

    [Fact]
    public async Task Post_AFieldGivenTwice_Is400()
    {
        using var client = api.CreateClient();

        var response = await client.PostRequest("xml", Form(
            ("api_key", Open311ApiFactory.HotlineKey), ("service_code", "hazard"), ("service_code", "dispute"), ("address_id", Grid.Grid.Id)));

        Assert.Contains("service_code is given more than once", await response.Open311Error(400));
    }

    [Theory]
    [InlineData("lat=24.2&long=103.5", "outside every grid")]
    [InlineData("address_string=某某村", "names no grid")]
    [InlineData("", "A location is required")]
    public async Task Post_WithNoPlaceInTheCounty_Is400(string place, string expected)
    {
        using var client = api.CreateClient();
        var fields = place.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => (p.Split('=')[0], p.Split('=')[1]));

        var response = await client.PostRequest("xml", Form([("api_key", Open311ApiFactory.HotlineKey), ("service_code", "hazard"), .. fields]));

        Assert.Contains(expected, await response.Open311Error(400));
    }

    [Fact]
    public async Task Post_AsJsonRatherThanAForm_Is400()
    {
        using var client = api.CreateClient();

        var response = await client.PostAsync("/open311/v2/requests.xml", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains("form", await response.Open311Error(400));
    }

    [Theory]
    [InlineData("/open311/v2/requests.xml", 400)]
    [InlineData("/open311/v2/requests.xml?api_key=wrong", 403)]
    [InlineData("/open311/v2/requests.xml?api_key=" + Open311ApiFactory.HotlineKey + "&start_date=2022-11-01", 400)]
    [InlineData("/open311/v2/requests/E00000000000000000000000000000000.xml?api_key=" + Open311ApiFactory.HotlineKey, 404)]
    public async Task GetRequests_Refused_IsAnOpen311Error(string path, int status)
    {
        using var client = api.CreateClient();

        await (await client.GetAsync(path)).Open311Error(status);
    }

    private static async Task<string> FileAsync(HttpClient client, FormUrlEncodedContent form)
    {
        var response = await client.PostRequest("xml", form);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Xml()).Element("request")!.Element("service_request_id")!.Value;
    }

    private static async Task<List<string>> Ids(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Xml()).Elements("request").Select(r => r.Element("service_request_id")!.Value)];
    }

    private async Task<List<XElement>> RequestsDescribed(string description)
    {
        using var client = api.CreateClient();
        var all = await client.GetAsync($"/open311/v2/requests.xml?api_key={Open311ApiFactory.HotlineKey}&page_size=200");
        return [.. (await all.Xml()).Elements("request").Where(r => r.Element("description")!.Value == description)];
    }
}
