using System.Collections.Concurrent;

namespace GridActors.LoadTest.Soak;

/// <summary>Answer times of the current sampling window; each sample takes the window's and starts a new one.</summary>
public sealed class WindowedLatency
{
    private ConcurrentQueue<double> _window = new();

    public void Record(TimeSpan elapsed) => _window.Enqueue(elapsed.TotalMilliseconds);

    public (double P50, double P99) TakeWindow()
    {
        var sorted = Interlocked.Exchange(ref _window, new ConcurrentQueue<double>()).Order().ToArray();
        return (Quantile(sorted, 0.50), Quantile(sorted, 0.99));
    }

    private static double Quantile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
