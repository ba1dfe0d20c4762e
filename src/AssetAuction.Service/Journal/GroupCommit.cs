using Google.Protobuf;
using System.Threading.Channels;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Group commit: the mutations that arrive while a batch is being written wait in a queue, and the next batch
/// writes them all in one database transaction with one commit (one disk flush), each inside its own savepoint,
/// so a mutation that fails is rolled back alone and never fails its neighbours. One loop per process writes the
/// batches in turn; the journal head is locked for each batch (see <see cref="JournalWriter.LockAsync"/>), so
/// batches of several processes on one database also take turns, and order in the journal is commit order.
/// </summary>
public sealed class GroupCommit : IAsyncDisposable
{
    /// <summary>At most this many mutations share a commit, so one batch never holds the write lock for long.</summary>
    public const int MaxBatch = 128;

    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly EventSignal _signal;
    private readonly ILogger<GroupCommit> _logger;
    private readonly IJournalGate _gate;
    private readonly Lazy<Task> _loop;

    public GroupCommit(IServiceScopeFactory scopes, TimeProvider clock, EventSignal signal, IJournalGate gate, ILogger<GroupCommit> logger)
    {
        _scopes = scopes;
        _gate = gate;
        _clock = clock;
        _signal = signal;
        _logger = logger;
        _loop = new Lazy<Task>(() => Task.Run(LoopAsync), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Queues <paramref name="write"/> and completes when its batch has committed (or it failed alone).</summary>
    public Task<WriteResult> CommitAsync(PendingWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        _ = _loop.Value;
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The service is stopping; the write was not taken.");
        }

        return write.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop.IsValueCreated)
        {
            await _loop.Value;
        }
    }

    private async Task LoopAsync()
    {
        var batch = new List<PendingWrite>(MaxBatch);

        // Writes taken from the channel and not written yet, in their order. A bulk write (an import's chunk) is
        // committed in a batch of its own, and batches alternate between one bulk write and the ordinary writes
        // waiting: an ordinary write queued behind several chunks waits for at most one of them, and a chunk is
        // never held back for long by a steady flow of ordinary writes.
        var ordinary = new Queue<PendingWrite>();
        var bulk = new Queue<PendingWrite>();
        var bulkLast = false;
        while (ordinary.Count > 0 || bulk.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            while (_queue.Reader.TryRead(out var write))
            {
                (write.Bulk ? bulk : ordinary).Enqueue(write);
            }

            if (bulk.Count > 0 && (ordinary.Count == 0 || !bulkLast))
            {
                batch.Add(bulk.Dequeue());
                bulkLast = true;
            }
            else
            {
                while (batch.Count < MaxBatch && ordinary.TryDequeue(out var write))
                {
                    batch.Add(write);
                }

                bulkLast = false;
            }

            try
            {
                await WriteBatchAsync(batch);
            }
            catch (Exception e)
            {
                // The shared part failed (the lock, the head, the commit): nothing of the batch is on disk.
                _logger.LogWarning(e, "A write batch of {Count} failed as a whole", batch.Count);
                foreach (var write in batch)
                {
                    write.Completion.TrySetResult(new WriteResult(WriteOutcome.Failed, e));
                }
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingWrite> batch)
    {
        var ct = CancellationToken.None;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();

        // Opened here and closed before the context goes back to the pool, where a connection left open would
        // stay open for the next request that leases it (and could not be swapped for a batch's, see ConnectionLoan).
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await WriteBatchAsync(db, batch, started, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task WriteBatchAsync(AssetAuctionDbContext db, List<PendingWrite> batch, long started, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await JournalWriter.LockAsync(db, _gate, ct);
        var now = _clock.GetUtcNow();
        var results = new WriteResult[batch.Count];
        await using (var rows = JournalRows.For(db, transaction))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await WriteOneAsync(db, transaction, rows, head, batch[i], $"w{i}", now);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Telemetry.AssetAuctionMetrics.WriteBatchSize.Record(batch.Count);
        Telemetry.AssetAuctionMetrics.WriteLockWait.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        if (results.Any(r => r.Outcome == WriteOutcome.Committed))
        {
            _signal.Pulse();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(results[i]);
        }
    }

    /// <summary>One mutation in its savepoint: its rows, its journal lines chained to the head, its idempotency record.</summary>
    private static async Task<WriteResult> WriteOneAsync(AssetAuctionDbContext db, IDbContextTransaction transaction, JournalRows rows, JournalHead head, PendingWrite write, string savepoint, DateTimeOffset now)
    {
        var mark = (head.LastAuditSequence, head.LastAuditHash, head.LastEventSequence);
        var lent = ConnectionLoan.Lend(write.Db, transaction);
        await transaction.CreateSavepointAsync(savepoint);
        try
        {
            var decision = write.Decided ?? await write.DecideInBatch!(write.CancellationToken);
            if (write.Rows is { } prepared)
            {
                await rows.AddAsync(prepared, CancellationToken.None);
            }

            await SaveDecidedAsync(write.Db);
            foreach (var line in decision.Lines)
            {
                await JournalWriter.AppendAsync(rows, head, write.Actor, write.Rpc, write.RequestId, line, now);
            }

            if (write.Idempotency is { } record)
            {
                record.Response = decision.ResponseBytes;
                record.CreateTime = now;
                await rows.AddAsync(record, CancellationToken.None);
            }

            await transaction.ReleaseSavepointAsync(savepoint);
            return WriteResult.Done;
        }
        catch (Exception e)
        {
            await transaction.RollbackToSavepointAsync(savepoint);
            (head.LastAuditSequence, head.LastAuditHash, head.LastEventSequence) = mark;
            return await ClassifyAsync(db, write, e);
        }
        finally
        {
            lent.Return();
        }
    }

    /// <summary>
    /// Saves what the mutation's context tracks. A write decided before the lock had its changes detected (and its
    /// statistics fact refreshed) there too, see <see cref="MutationRunner"/>; so here EF Core only writes them.
    /// </summary>
    private static async Task SaveDecidedAsync(AssetAuctionDbContext db)
    {
        if (!db.ChangesPrepared)
        {
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangesPrepared = false;
        }
    }

    private static async Task<WriteResult> ClassifyAsync(AssetAuctionDbContext db, PendingWrite write, Exception e)
    {
        if (e is DbUpdateConcurrencyException)
        {
            return new WriteResult(WriteOutcome.VersionConflict, e);
        }

        // A journal row's own INSERT raises the provider's exception; EF Core's saves wrap it in DbUpdateException.
        if (DatabaseErrors.IsUniqueViolation(e))
        {
            var taken = write.Idempotency is not null
                && await db.IdempotencyRecords.AsNoTracking().AnyAsync(r => r.RequestId == write.RequestId);
            return new WriteResult(taken ? WriteOutcome.RequestIdTaken : WriteOutcome.UniqueConflict, e);
        }

        return new WriteResult(WriteOutcome.Failed, e);
    }
}
