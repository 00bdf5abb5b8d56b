using System.Text.Json;

namespace GridActors.LoadTest.Reports;

/// <summary>Writes the report as HTML at the path asked for and as JSON beside it (same name, <c>.json</c>).</summary>
public static class ReportFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string JsonPathBeside(string htmlPath) => Path.ChangeExtension(htmlPath, ".json");

    public static string ToJson(DrillReport report) => JsonSerializer.Serialize(report, Json);

    public static DrillReport? FromJson(string json) => JsonSerializer.Deserialize<DrillReport>(json, Json);

    /// <returns>The paths written, HTML first.</returns>
    public static async Task<(string Html, string Json)> WriteAsync(DrillReport report, string htmlPath, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(htmlPath));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var jsonPath = JsonPathBeside(htmlPath);
        await File.WriteAllTextAsync(htmlPath, HtmlReport.Render(report), cancellationToken);
        await File.WriteAllTextAsync(jsonPath, ToJson(report), cancellationToken);
        return (htmlPath, jsonPath);
    }
}
