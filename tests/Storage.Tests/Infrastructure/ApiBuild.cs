using System.Reflection;

namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>Where the built Api is: the test project references it, so it is built with the same configuration.</summary>
public static class ApiBuild
{
    public static string Dll()
    {
        var configuration = typeof(ApiBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var dll = Path.Combine(RepositoryRoot(), "src", "Api", "bin", configuration, "net10.0", "Api.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The Api is not built at {dll}; build the solution (bash eng/test.sh does).", dll);
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
