using System.Globalization;
using System.Net;
using System.Text;
using GridActors.LoadTest.Metrics;

namespace GridActors.LoadTest.Reports;

/// <summary>
/// Charts drawn as inline SVG, so that the report is one file that opens offline, without a script or a CDN: lines
/// over the run's seconds, and bars for a latency histogram on its 1-2-5 buckets.
/// </summary>
public static class SvgChart
{
    private const int Width = 900;
    private const int Height = 240;
    private const int Left = 64;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 36;

    public static string Lines(string title, string unit, IReadOnlyList<ChartSeries> series)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        if (points.Count == 0)
        {
            return $"<p class=\"none\">{Encode(title)}: no samples.</p>";
        }
        var maxX = Math.Max(1, points.Max(p => p.X));
        var maxY = NiceCeiling(points.Max(p => p.Y));
        double X(double x) => Left + x / maxX * (Width - Left - Right);
        double Y(double y) => Height - Bottom - y / maxY * (Height - Top - Bottom);

        var svg = Open(title);
        for (var i = 0; i <= 4; i++)
        {
            var (value, y) = (maxY * i / 4, Y(maxY * i / 4));
            svg.Append(F($"<line x1=\"{Left}\" y1=\"{y:F1}\" x2=\"{Width - Right}\" y2=\"{y:F1}\" class=\"grid\"/>"));
            svg.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 4:F1}\" text-anchor=\"end\">{Number(value)}</text>"));
        }
        var step = NiceCeiling(maxX / 6);
        for (var seconds = 0.0; seconds <= maxX; seconds += step)
        {
            svg.Append(F($"<text x=\"{X(seconds):F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Number(seconds)} s</text>"));
        }
        svg.Append(F($"<text x=\"12\" y=\"{Top - 10}\">{Encode(unit)}</text>"));
        var legendX = Left + 8;
        foreach (var line in series.Where(s => s.Points.Count > 0))
        {
            svg.Append(F($"<polyline fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"1.5\" points=\""));
            svg.AppendJoin(' ', line.Points.Select(p => F($"{X(p.X):F1},{Y(p.Y):F1}")));
            svg.Append("\"/>");
            svg.Append(F($"<rect x=\"{legendX}\" y=\"{Top - 4}\" width=\"10\" height=\"10\" fill=\"{line.Colour}\"/>"));
            svg.Append(F($"<text x=\"{legendX + 14}\" y=\"{Top + 5}\">{Encode(line.Name)}</text>"));
            legendX += 24 + line.Name.Length * 7;
        }
        return svg.Append("</svg>").ToString();
    }

    public static string Bars(string title, IReadOnlyList<HistogramBucket> buckets)
    {
        if (buckets.Count == 0)
        {
            return $"<p class=\"none\">{Encode(title)}: nothing recorded.</p>";
        }
        var most = buckets.Max(b => b.Count);
        var slot = (Width - Left - Right) / (double)buckets.Count;
        var svg = Open(title);
        foreach (var (bucket, i) in buckets.Select((b, i) => (b, i)))
        {
            var height = bucket.Count / (double)most * (Height - Top - Bottom);
            var x = Left + i * slot;
            svg.Append(F($"<rect x=\"{x + 2:F1}\" y=\"{Height - Bottom - height:F1}\" width=\"{slot - 4:F1}\" height=\"{height:F1}\" fill=\"#4a7bb7\">"));
            svg.Append(F($"<title>{bucket.Count:N0} at most {Number(bucket.UpToMs)} ms</title></rect>"));
            svg.Append(F($"<text x=\"{x + slot / 2:F1}\" y=\"{Height - Bottom - height - 4:F1}\" text-anchor=\"middle\">{bucket.Count:N0}</text>"));
            svg.Append(F($"<text x=\"{x + slot / 2:F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">≤{Number(bucket.UpToMs)}</text>"));
        }
        svg.Append(F($"<text x=\"{Width - Right}\" y=\"{Height - 4}\" text-anchor=\"end\">ms</text>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The smallest 1, 2 or 5 times a power of ten at or above <paramref name="value"/>: round axis labels.</summary>
    public static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1.0, 2, 5, 10 }.Select(m => m * power).First(nice => nice >= value * 0.999_999);
    }

    private static StringBuilder Open(string title) => new StringBuilder()
        .Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\">"))
        .Append(F($"<title>{Encode(title)}</title>"));

    private static string Number(double value) =>
        value >= 100 || value == Math.Floor(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
