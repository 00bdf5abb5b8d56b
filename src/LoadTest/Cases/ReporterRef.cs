namespace GridActors.LoadTest.Cases;

/// <summary>A report's <c>reporter</c>: who filed it, as <c>ReportValidator</c> allows (worker, camera, hotline, …).</summary>
public sealed record ReporterRef(string Kind, string Id);
