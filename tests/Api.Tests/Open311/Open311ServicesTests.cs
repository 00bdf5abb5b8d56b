using System.Net;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Open311;

/// <summary>Discovery, services and service definitions, read as the specification's examples show them.</summary>
public sealed class Open311ServicesTests(Open311ApiFactory api) : IClassFixture<Open311ApiFactory>
{
    [Fact]
    public async Task Discovery_NamesTheEndpointItsSpecificationAndBothFormats()
    {
        using var client = api.CreateClient();

        var discovery = await (await client.GetAsync("/open311/v2/discovery.xml")).Xml();
        var endpoint = discovery.Element("endpoints")!.Element("endpoint")!;

        Assert.Equal("discovery", discovery.Name.LocalName);
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2", endpoint.Element("url")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", discovery.Element("changeset")!.Value);
    }

    [Fact]
    public async Task Services_AreTheCountysCategories_WithTheSpecificationsFields_InXmlAndJson()
    {
        using var client = api.CreateClient();

        var xml = await (await client.GetAsync("/open311/v2/services.xml")).Xml();
        var json = await (await client.GetAsync("/open311/v2/services.json")).Open311Json();

        var services = xml.Elements("service").ToList();
        Assert.Equal(County.Topology.Document.Categories.Select(c => c.Id), services.Select(s => s.Element("service_code")!.Value));
        Assert.All(services, s => Assert.Equal(
            ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"],
            s.Elements().Select(e => e.Name.LocalName)));
        var dispute = services.Single(s => s.Element("service_code")!.Value == "dispute");
        Assert.Equal("矛盾纠纷", dispute.Element("service_name")!.Value);
        Assert.Equal("平安建设", dispute.Element("group")!.Value);
        Assert.Contains("邻里纠纷", dispute.Element("keywords")!.Value);
        Assert.Equal("realtime", dispute.Element("type")!.Value);
        Assert.Equal(services.Count, json.GetArrayLength());
        Assert.Equal("矛盾纠纷", json.EnumerateArray().Single(s => s.Str("service_code") == "dispute").Str("service_name"));
        Assert.True(json[0].GetProperty("metadata").GetBoolean());
    }

    [Fact]
    public async Task Services_ADepartmentsCategory_SaysWhichDepartmentHandlesIt()
    {
        using var client = api.CreateClient();

        var services = await (await client.GetAsync("/open311/v2/services.json")).Open311Json();

        Assert.Contains("澄江市应急管理局", services.EnumerateArray().Single(s => s.Str("service_code") == "fire-hazard").Str("description"));
    }

    [Fact]
    public async Task ServiceDefinition_ListsTheTitleAndPriorityAttributes_ThePriorityWithItsValues()
    {
        using var client = api.CreateClient();

        var definition = await (await client.GetAsync("/open311/v2/services/geological-hazard.xml")).Xml();
        var attributes = definition.Element("attributes")!.Elements("attribute").ToList();

        Assert.Equal("service_definition", definition.Name.LocalName);
        Assert.Equal("geological-hazard", definition.Element("service_code")!.Value);
        Assert.Equal(["title", "priority"], attributes.Select(a => a.Element("code")!.Value));
        var priority = attributes[1];
        Assert.Equal("singlevaluelist", priority.Element("datatype")!.Value);
        Assert.Equal("false", priority.Element("required")!.Value);
        Assert.Equal(["normal", "urgent", "critical"], priority.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
        Assert.Contains("critical", priority.Element("description")!.Value);
        Assert.Null(attributes[0].Element("values"));
    }

    [Fact]
    public async Task ServiceDefinition_OfAnUnknownCode_Is404InOpen311sErrorFormat()
    {
        using var client = api.CreateClient();

        var description = await (await client.GetAsync("/open311/v2/services/pothole.xml")).Open311Error(404);

        Assert.Contains("pothole", description);
    }

    [Theory]
    [InlineData("/open311/v2/services.html")]
    [InlineData("/open311/v2/no-such-resource.xml")]
    [InlineData("/open311/v3/services.xml")]
    public async Task AnAddressUnderOpen311ThatServesNothing_Is404InOpen311sErrorFormat_NotProblemDetails(string path)
    {
        using var client = api.CreateClient();

        await (await client.GetAsync(path)).Open311Error(404);
    }

    [Fact]
    public async Task AnError_AskedForAsJson_IsAJsonListOfCodeAndDescription()
    {
        using var client = api.CreateClient();

        var response = await client.GetAsync("/open311/v2/services/pothole.json");
        var errors = await response.Open311Json();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, errors[0].GetProperty("code").GetInt32());
        Assert.Contains("pothole", errors[0].Str("description"));
    }
}
