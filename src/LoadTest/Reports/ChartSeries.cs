namespace GridActors.LoadTest.Reports;

/// <summary>One line of a chart: its name in the legend, its colour, its points (seconds, value).</summary>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<(double X, double Y)> Points);
