using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Events;

/// <summary>
/// Follows the event feed: the events after a sequence that match a filter, then new ones as they commit.
/// Sequences are assigned under the journal lock at commit, so reading "greater than the last one
/// delivered" never skips an event that commits later. Ends on the client's cancellation; on server
/// shutdown it ends UNAVAILABLE, saying where to resume.
/// </summary>
public sealed class EventTail(AssetAuctionDbContext db, EventSignal signal, IOptions<EventFeedOptions> options, IHostApplicationLifetime lifetime)
{
    public async IAsyncEnumerable<EventRecord> FollowAsync(long afterSequence, Expression<Func<EventRecord, bool>> filter, [EnumeratorCancellation] CancellationToken callCancelled)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, lifetime.ApplicationStopping);
        var ct = stop.Token;
        var last = afterSequence;
        var batchSize = options.Value.BatchSize;
        while (!ct.IsCancellationRequested)
        {
            var wake = signal.NextAsync();
            List<EventRecord> batch;
            try
            {
                batch = await db.Events.AsNoTracking().Where(e => e.Sequence > last).Where(filter).OrderBy(e => e.Sequence).Take(batchSize).ToListAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }

            foreach (var record in batch)
            {
                yield return record;
                last = record.Sequence;
            }

            if (batch.Count < batchSize)
            {
                // Woken by a commit of this process, or by the watermark when another process committed.
                try
                {
                    await wake.WaitAsync(ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"The service is shutting down; reconnect with after_sequence = {last}."));
        }
    }
}
