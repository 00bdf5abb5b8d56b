namespace GridActors.Api.Tests.Access;

/// <summary>The request that tries each Open311 route of the access table with an api_key (or none).</summary>
public static class Open311Probes
{
    public static HttpRequestMessage For(string route, string? apiKey, bool own, AccessWorld world)
    {
        var key = apiKey is null ? "" : $"?api_key={apiKey}";
        var grid = own ? AccessWorld.Own : AccessWorld.Foreign;
        var caseId = own ? world.OwnCase : world.ForeignCase;
        return route switch
        {
            "GET /open311/v2/discovery.{format}" => Get($"/open311/v2/discovery.json{key}"),
            "GET /open311/v2/services.{format}" => Get($"/open311/v2/services.json{key}"),
            "GET /open311/v2/services/{service_code}.{format}" => Get($"/open311/v2/services/hazard.json{key}"),
            "GET /open311/v2/requests.{format}" => Get($"/open311/v2/requests.json{key}"),
            "POST /open311/v2/requests.{format}" => new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = apiKey ?? "",
                    ["service_code"] = "hazard",
                    ["address_id"] = grid.Grid.Id,
                    ["description"] = "门禁访问表测试：井盖缺失",
                }),
            },
            "GET /open311/v2/requests/{service_request_id}.{format}" => Get($"/open311/v2/requests/{caseId}.json{key}"),
            "GET /open311/v2/tokens/{token}.{format}" => Get($"/open311/v2/tokens/access-probe.json{key}"),
            _ => throw new InvalidOperationException($"docs/SECURITY.md names {route}, which Open311Probes does not know how to try."),
        };
    }

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}
