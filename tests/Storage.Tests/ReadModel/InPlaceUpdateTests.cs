using GridActors.Storage.Tests.Infrastructure;

namespace GridActors.Storage.Tests.ReadModel;

/// <summary>
/// PostgreSQL rewrites a row within its page, touching no index, only when no indexed column changed. Every step
/// of a case changes the status and version of its listing row and the payload and version of its state row,
/// so an index on any of them — a key, an expression or a predicate — costs every step a new entry in every
/// index of the table (migration 0009). This keeps a later migration from bringing that back unnoticed.
/// </summary>
[Collection(PostgresSiloCollection.Name)]
public sealed class InPlaceUpdateTests(PostgresSiloFixture fixture)
{
    [Theory]
    [InlineData("events", new[] { "status", "version" })]
    [InlineData("cases", new[] { "payload", "version", "modified_at" })]
    public async Task NoIndex_CoversAColumnThatEveryStepChanges(string table, string[] changedEveryStep)
    {
        var definitions = await fixture.Database.StringsAsync(
            "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = @table::regclass", ("table", table));

        var offending = definitions
            .Where(definition => changedEveryStep.Any(column => Mentions(definition, column)))
            .ToList();

        Assert.NotEmpty(definitions);
        Assert.Empty(offending);
    }

    [Fact]
    public async Task TheListingAndTheCases_LeavePageRoomForTheirNextVersion()
    {
        var options = await fixture.Database.StringsAsync("""
            SELECT relname || ':' || coalesce(array_to_string(reloptions, ','), '') FROM pg_class
            WHERE relname IN ('events', 'cases') ORDER BY relname
            """);

        Assert.Equal(["cases:fillfactor=80", "events:fillfactor=80"], options);
    }

    /// <summary>A whole word of the definition: <c>is_open</c> does not mention <c>open</c>.</summary>
    private static bool Mentions(string definition, string column) =>
        System.Text.RegularExpressions.Regex.IsMatch(definition, $@"(?<![\w]){column}(?![\w])");
}
