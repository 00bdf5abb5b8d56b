using System.Text;
using System.Xml.Linq;
using GridActors.Api.Open311;

namespace GridActors.Api.Tests.Open311;

/// <summary>One document, both formats, shaped as the GeoReport v2 specification's own examples.</summary>
public sealed class Open311FormatTests
{
    private static readonly Open311Document Errors = Open311Result.ErrorDocument(403, ["Invalid api_key received -- can't proceed with create_request."]);

    [Fact]
    public void Xml_OfTheSpecificationsErrorExample_IsItsElementsWithAnUtf8Declaration()
    {
        var text = Encoding.UTF8.GetString(Open311Format.Xml.Render(Errors));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith(
            "<errors><error><code>403</code><description>Invalid api_key received -- can't proceed with create_request.</description></error></errors>",
            text);
    }

    [Fact]
    public void Json_OfTheSpecificationsErrorExample_IsAnArrayOfCodeAndDescription()
    {
        var text = Encoding.UTF8.GetString(Open311Format.Json.Render(Errors));

        Assert.Equal("""[{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}]""", text);
    }

    [Fact]
    public void Render_ListsNestedInAnObject_AreWrappedElementsInXmlAndArraysInJson_TimesInUtc_NullsEmpty()
    {
        var document = new Open311Document("discovery", new Open311Object(
            new Open311Field("changeset", new DateTimeOffset(2022, 11, 16, 16, 0, 0, TimeSpan.FromHours(8))),
            new Open311Field("contact", null),
            new Open311Field("endpoints", new Open311List("endpoint", [new Open311Object(
                new Open311Field("formats", new Open311List("format", ["text/xml", "application/json"])),
                new Open311Field("lat", 24.6221))]))));

        var xml = XDocument.Parse(Encoding.UTF8.GetString(Open311Format.Xml.Render(document)));
        var json = Encoding.UTF8.GetString(Open311Format.Json.Render(document));

        Assert.Equal("2022-11-16T08:00:00Z", xml.Root!.Element("changeset")!.Value);
        Assert.True(xml.Root.Element("contact")!.IsEmpty);
        Assert.Equal(["text/xml", "application/json"], xml.Root.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Equal("24.6221", xml.Root.Element("endpoints")!.Element("endpoint")!.Element("lat")!.Value);
        Assert.Equal("""{"changeset":"2022-11-16T08:00:00Z","contact":null,"endpoints":[{"formats":["text/xml","application/json"],"lat":24.6221}]}""", json);
    }

    [Fact]
    public void Json_WritesChineseAsItIs()
    {
        var document = new Open311Document("services", new Open311List("service", [new Open311Object(new Open311Field("service_name", "问题隐患"))]));

        Assert.Equal("""[{"service_name":"问题隐患"}]""", Encoding.UTF8.GetString(Open311Format.Json.Render(document)));
    }

    [Fact]
    public void Xml_ACharacterXmlCannotCarry_IsReplaced_SoTheDocumentStillParses()
    {
        var document = new Open311Document("services", new Open311List("service", [new Open311Object(new Open311Field("description", "井盖\u0001缺失 🚧"))]));

        var xml = XDocument.Parse(Encoding.UTF8.GetString(Open311Format.Xml.Render(document)));

        Assert.Equal("井盖\uFFFD缺失 🚧", xml.Root!.Element("service")!.Element("description")!.Value);
    }

    [Theory]
    [InlineData("/open311/v2/services.json", "json")]
    [InlineData("/open311/v2/requests/E1.xml", "xml")]
    [InlineData("/open311/v2/nothing", "xml")]
    public void Of_APath_AnswersInTheFormatItsExtensionNames_XmlWhenItNamesNone(string path, string extension) =>
        Assert.Equal(extension, Open311Format.Of(path).Extension);
}
