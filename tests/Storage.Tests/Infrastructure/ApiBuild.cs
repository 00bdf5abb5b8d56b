using System.Reflection;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// Where a built host is (<c>Api</c> or the headless <c>Silo</c>): the test project references both, so they are
/// built with the same configuration.
/// </summary>
public static class ApiBuild
{
    public static string Dll(string project)
    {
        var configuration = typeof(ApiBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(RepositoryRoot(), "src", project, "bin", configuration, "net10.0", $"{project}.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"{project} is not built at {dll}; build the solution (bash eng/test.sh does).", dll);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "GridActors.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No GridActors.sln above {AppContext.BaseDirectory}.");
    }
}
