namespace GridActors.Storage.Tests.Infrastructure;

/// <summary>
/// PostgreSQL keeps times to the microsecond, .NET to the tenth of one: a time read back from a
/// <c>timestamptz</c> column equals the written one cut to whole microseconds.
/// </summary>
public static class Timestamps
{
    public static DateTimeOffset ToMicroseconds(DateTimeOffset time) =>
        new DateTimeOffset(time.UtcTicks - time.UtcTicks % 10, TimeSpan.Zero);
}
