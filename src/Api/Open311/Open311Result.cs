namespace GridActors.Api.Open311;

/// <summary>An Open311 answer in the format the address asked for.</summary>
public sealed class Open311Result(int statusCode, Open311Document document, Open311Format format) : IResult
{
    public int StatusCode => statusCode;

    public Open311Document Document => document;

    public async Task ExecuteAsync(HttpContext http)
    {
        var body = format.Render(document);
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = format.ContentType;
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    public static Open311Result Ok(Open311Document document, Open311Format format) => new(StatusCodes.Status200OK, document, format);

    /// <summary>The specification's error answer: a list of errors, each a code (the HTTP status) and a description.</summary>
    public static Open311Result Error(int statusCode, string description, Open311Format format) =>
        Errors(statusCode, [description], format);

    public static Open311Result Errors(int statusCode, IEnumerable<string> descriptions, Open311Format format) =>
        new(statusCode, ErrorDocument(statusCode, descriptions), format);

    public static Open311Document ErrorDocument(int statusCode, IEnumerable<string> descriptions) => new(
        "errors",
        new Open311List("error", [.. descriptions.Select(d => new Open311Object(
            new Open311Field("code", statusCode),
            new Open311Field("description", d)))]));
}
