using System.Text.Json;
using GridActors.Api.Tests.Infrastructure;

namespace GridActors.Api.Tests.Production;

/// <summary>
/// Secrets come from the environment or a secret store, never from the repository: every settings file a
/// Production host reads leaves them empty. (appsettings.Development.json carries a key marked not for
/// production, which Production never loads.)
/// </summary>
public sealed class CommittedSettingsTests
{
    // SigningKey, ApiKeys, Password, ClientSecret, AccessToken…: names that say they hold a secret.
    private static readonly string[] SecretEndings = ["key", "keys", "secret", "password", "token"];

    public static TheoryData<string> ProductionSettingsFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repository.Root, "src"), "appsettings*.json", SearchOption.AllDirectories)
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                         && !file.EndsWith(".Development.json", StringComparison.Ordinal)))
        {
            files.Add(Path.GetRelativePath(Repository.Root, file));
        }
        return files;
    }

    [Fact]
    public void TheApisAndTheSilosSettings_AreChecked()
    {
        var files = ProductionSettingsFiles().Select(row => row.Data).ToList();

        Assert.Contains(Path.Combine("src", "Api", "appsettings.json"), files);
        Assert.Contains(Path.Combine("src", "Silo", "appsettings.json"), files);
    }

    [Theory]
    [MemberData(nameof(ProductionSettingsFiles))]
    public void SettingsFile_HoldsNoSecret(string file)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, file)));

        var secrets = Secrets(settings.RootElement, path: "").ToList();

        Assert.Empty(secrets);
    }

    /// <summary>Paths of secret-named settings with a value, and connection strings that carry a password.</summary>
    private static IEnumerable<string> Secrets(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                var child = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
                var named = SecretEndings.Any(ending => property.Name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));
                if (named && HasValue(property.Value))
                {
                    yield return child;
                }
                foreach (var nested in Secrets(property.Value, child))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var nested in Secrets(item, $"{path}:{index++}"))
                {
                    yield return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.String
            && element.GetString()!.Contains("password=", StringComparison.OrdinalIgnoreCase))
        {
            yield return path;
        }
    }

    private static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Length > 0,
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        _ => false,
    };
}
