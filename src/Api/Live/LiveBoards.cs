using System.Collections.Concurrent;
using GridActors.Api.Events;
using GridActors.Grains.Clock;
using GridActors.Grains.Points;

namespace GridActors.Api.Live;

/// <summary>
/// The boards of the watched scopes, as of their last computation. Boards rank a month of cases and points, so
/// they are recomputed every <see cref="LiveOptions.BoardsInterval"/> rather than on every change.
/// </summary>
public sealed partial class LiveBoards(Leaderboards leaderboards, GridClock clock, ILogger<LiveBoards> logger)
{
    /// <summary>The period the live boards rank, as the leaderboards endpoint's default.</summary>
    public const string Period = "month";

    private readonly ConcurrentDictionary<string, Boards> _latest = new(StringComparer.Ordinal);

    /// <summary>The group's boards as last computed, computing them the first time; null while they cannot be read.</summary>
    public async Task<Boards?> Get(string group, Area area, CancellationToken cancellationToken) =>
        _latest.TryGetValue(group, out var boards) ? boards : await Refresh(group, area, cancellationToken);

    public async Task<Boards?> Refresh(string group, Area area, CancellationToken cancellationToken)
    {
        try
        {
            var boards = await leaderboards.Build(area, Leaderboards.DefaultKind(area), Period, clock.GetUtcNow(), cancellationToken);
            _latest[group] = boards;
            return boards;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            LogBoardsFailed(failure, group);
            return null;
        }
    }

    /// <summary>Forgets a group nobody watches any more, so its next subscriber gets fresh boards.</summary>
    public void Forget(string group) => _latest.TryRemove(group, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The boards of live group {Group} could not be computed")]
    private partial void LogBoardsFailed(Exception exception, string group);
}
