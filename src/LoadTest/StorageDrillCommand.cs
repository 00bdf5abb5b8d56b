namespace GridActors.LoadTest;

/// <summary><c>LoadTest storage …</c>: the storage drill, which talks to PostgreSQL directly rather than to the Api.</summary>
public static class StorageDrillCommand
{
    public static async Task<int> RunAsync(StorageDrillOptions options)
    {

        Console.WriteLine(
            $"Storage drill: {options.Writes:N0} event states a phase, {options.Concurrency} concurrent callers, {options.Rounds} rounds, " +
            $"ADO.NET provider and group commit alternately");
        var result = await new StorageDrill(options).RunAsync(CancellationToken.None);
        foreach (var line in result.SummaryLines())
        {
            Console.WriteLine(line);
        }
        if (options.ReportPath is { } path)
        {
            await File.WriteAllTextAsync(path, result.Markdown());
            Console.WriteLine($"report written to {path}");
        }
        return result.Errors == 0 ? 0 : 1;
    }
}
