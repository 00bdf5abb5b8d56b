namespace GridActors.Api.Open311;

/// <summary>
/// <c>Open311:*</c>. Each upstream system that may file and read requests has a key of its own, from
/// configuration or the environment (<c>Open311__ApiKeys__0__Key</c>), never from the repository; a system
/// limited to one township files and reads only there.
/// </summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>The key that local runs and tests accept, as long as development tokens are on.</summary>
    public const string DevKey = "dev";

    public List<Open311ApiKey> ApiKeys { get; set; } = [];

    /// <summary>Who runs this endpoint, for discovery's <c>contact</c>.</summary>
    public string Contact { get; set; } = "澄江市网格化服务管理中心";
}

public sealed class Open311ApiKey
{
    public string Key { get; set; } = "";

    /// <summary>The upstream system's name: the reporter of its requests and the subject of its idempotency keys.</summary>
    public string System { get; set; } = "";

    /// <summary>The township the system may work in; none for the whole county.</summary>
    public string? Township { get; set; }
}
