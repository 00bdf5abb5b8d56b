using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace GridActors.Silo.Postgres;

/// <summary>
/// One numbered step of the schema, embedded in the assembly as <c>NNNN_name.sql</c>. The checksum lets the
/// runner notice a step that was edited after a database applied it — edit by adding a step instead.
/// </summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "GridActors.Migrations.";

    /// <summary>Of the text with Unix line endings, so a checkout that converts them does not count as an edit.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>Every embedded step, in version order.</summary>
    public static IReadOnlyList<SchemaMigration> Embedded()
    {
        var assembly = typeof(SchemaMigration).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(step => step.Version)];
    }

    private static SchemaMigration Load(Assembly assembly, string resource)
    {
        var fileName = resource[ResourcePrefix.Length..^".sql".Length];
        var separator = fileName.IndexOf('_');
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
        {
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql.");
        }
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return new SchemaMigration(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
