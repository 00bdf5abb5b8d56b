using System.Text.Json;
using System.Xml.Linq;

namespace GridActors.Api.Tests.Open311;

/// <summary>Open311 requests as an upstream system sends them, and their answers read back.</summary>
public static class Open311Calls
{
    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    public static Task<HttpResponseMessage> PostRequest(this HttpClient client, string format, FormUrlEncodedContent form, string? idempotencyKey = null)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = form };
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return client.SendAsync(message);
    }

    public static async Task<XElement> Xml(this HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    public static async Task<JsonElement> Open311Json(this HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The one error of an Open311 error answer, after checking its shape and that its code is the HTTP status.</summary>
    public static async Task<string> Open311Error(this HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var errors = await response.Xml();
        Assert.Equal("errors", errors.Name.LocalName);
        var error = Assert.Single(errors.Elements("error"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
        return error.Element("description")!.Value;
    }
}
