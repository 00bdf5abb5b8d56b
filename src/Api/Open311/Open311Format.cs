using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace GridActors.Api.Open311;

/// <summary>
/// The two formats of GeoReport v2, chosen by the resource's extension (<c>services.xml</c>, <c>services.json</c>).
/// XML is the required one, so an address without a known extension is answered in XML. Times are ISO 8601 in
/// UTC with <c>Z</c>, as the specification allows and the rest of the API writes them.
/// </summary>
public sealed record Open311Format(string Extension, string ContentType)
{
    public static readonly Open311Format Xml = new("xml", "text/xml; charset=utf-8");
    public static readonly Open311Format Json = new("json", "application/json; charset=utf-8");

    public static Open311Format? Parse(string? extension) => extension?.ToLowerInvariant() switch
    {
        "xml" => Xml,
        "json" => Json,
        _ => null,
    };

    /// <summary>The format an address asks for by its last extension; XML when it names none we know.</summary>
    public static Open311Format Of(PathString path) =>
        Parse(Path.GetExtension(path.Value ?? "").TrimStart('.')) ?? Xml;

    public byte[] Render(Open311Document document) => this == Json ? RenderJson(document.Root) : RenderXml(document);

    private static byte[] RenderJson(Open311Node root)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(json, root);
        }
        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case Open311Object node:
                json.WriteStartObject();
                foreach (var field in node.Fields)
                {
                    json.WritePropertyName(field.Name);
                    WriteJson(json, field.Value);
                }
                json.WriteEndObject();
                break;
            case Open311List list:
                json.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(json, item);
                }
                json.WriteEndArray();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteNumberValue(number);
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }

    private static byte[] RenderXml(Open311Document document)
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = false };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            WriteXml(xml, document.RootName, document.Root);
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteXml(XmlWriter xml, string name, object? value)
    {
        xml.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case Open311Object node:
                foreach (var field in node.Fields)
                {
                    WriteXml(xml, field.Name, field.Value);
                }
                break;
            case Open311List list:
                foreach (var item in list.Items)
                {
                    WriteXml(xml, list.ItemName, item);
                }
                break;
            default:
                xml.WriteString(XmlSafe(Text(value)));
                break;
        }
        xml.WriteEndElement();
    }

    /// <summary>
    /// XML 1.0 cannot carry some characters at all (most control characters); a case stored before they were refused
    /// at the door must not break every listing that includes it, so each becomes U+FFFD.
    /// </summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text, i++, 2);
            }
            else
            {
                safe.Append('\uFFFD');
            }
        }
        return safe.ToString();
    }

    private static string Text(object value) => value switch
    {
        bool flag => flag ? "true" : "false",
        DateTimeOffset at => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
