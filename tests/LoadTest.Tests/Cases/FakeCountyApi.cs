using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Web;

namespace GridActors.LoadTest.Tests.Cases;

/// <summary>
/// <c>GET /api/events</c> (from, to, page, pageSize; newest first) and <c>GET /api/events/{id}</c> over a list of
/// cases, as the Api answers them, so the census can be tested on what it reads. <see cref="Listed"/> is what the
/// listing shows, <see cref="Truth"/> what the cases themselves say (the read model may trail them).
/// </summary>
public sealed class FakeCountyApi : HttpMessageHandler
{
    public List<(string Id, string Title, string Status, DateTimeOffset ReportedAt)> Listed { get; } = [];

    public Dictionary<string, string> Truth { get; } = [];

    public int ListingRequests { get; private set; }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://county.test") };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (path == "/api/events")
        {
            ListingRequests++;
            return Task.FromResult(Json(Page(HttpUtility.ParseQueryString(request.RequestUri.Query))));
        }
        var id = path["/api/events/".Length..];
        return Task.FromResult(Truth.TryGetValue(id, out var status)
            ? Json(new { id, status })
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }

    private object Page(System.Collections.Specialized.NameValueCollection query)
    {
        var from = DateTimeOffset.Parse(query["from"]!, CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse(query["to"]!, CultureInfo.InvariantCulture);
        var (page, size) = (int.Parse(query["page"]!, CultureInfo.InvariantCulture), int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture));
        var matching = Listed.Where(c => c.ReportedAt >= from && c.ReportedAt < to).OrderByDescending(c => c.ReportedAt).ToList();
        return new
        {
            items = matching.Skip((page - 1) * size).Take(size).Select(c => new { id = c.Id, title = c.Title, status = c.Status }),
            total = matching.Count,
        };
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"),
    };
}
