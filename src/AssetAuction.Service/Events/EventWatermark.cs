using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Events;

/// <summary>
/// One look per process, every <see cref="EventFeedOptions.PollInterval"/>, at the feed's last sequence, to notice
/// events committed by another process on the same database; when it moved, every live stream of this process is
/// woken (<see cref="EventSignal"/>) to read them. Commits of this process wake the streams at once. Before, each
/// open stream polled the database on its own timer: thousands of streams meant thousands of queries a second,
/// and the garbage they made kept the heap grown long after the streams closed.
/// </summary>
public sealed class EventWatermark(IServiceScopeFactory scopes, EventSignal signal, IOptions<EventFeedOptions> options, TimeProvider clock, ILogger<EventWatermark> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long seen = -1;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                // A hosted service lives as long as the process; each look gets its own scope, so its DbContext does not.
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
                var last = await db.Events.MaxAsync(e => (long?)e.Sequence, stoppingToken) ?? 0;
                if (last != seen)
                {
                    seen = last;
                    signal.Pulse();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be away for a moment (a restart, a failover); streams read again when it is back.
                logger.LogWarning("The event feed's watermark could not be read: {Error}", e.Message);
            }
        }
    }
}
