using System.Net;
using System.Text.Json;

namespace GridActors.LoadTest.Tests;

/// <summary>An Api in a function: each request is answered by <c>answer</c>, and kept, so a test can read what was sent.</summary>
public sealed class AnsweringHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://county.test") };

    /// <summary>A 200 with <paramref name="body"/> as the Api writes JSON (web defaults: camelCase).</summary>
    public static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), System.Text.Encoding.UTF8, "application/json"),
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }
}
