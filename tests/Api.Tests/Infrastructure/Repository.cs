namespace GridActors.Api.Tests.Infrastructure;

/// <summary>The repository the tests run from, for the documents they check against the code.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GridActors.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("GridActors.sln not found above the test binaries.");
    }
}
