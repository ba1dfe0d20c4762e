using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>
/// How a batch takes the database's write lock before it reads the journal head, so batches of every process on one
/// database queue there and sequences stay gap-free with the hash chain linear. It depends on the provider, so the
/// container chooses it from the configured one (<see cref="JournalSetup"/>).
/// </summary>
public interface IJournalGate
{
    /// <summary>Takes the write lock inside the batch's open transaction; it is held until that transaction ends.</summary>
    Task EnterAsync(AssetAuctionDbContext db, CancellationToken ct);
}

/// <summary>
/// SQLite: the batch's transaction (Microsoft.Data.Sqlite begins it IMMEDIATE) already holds the database's only
/// write lock, so there is nothing more to take.
/// </summary>
public sealed class SqliteJournalGate : IJournalGate
{
    public Task EnterAsync(AssetAuctionDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// SQL Server: row locks are taken as rows are touched, so a no-op update of the journal head takes its exclusive
/// row lock first, held to commit; a second batch's read of the head waits behind it.
/// </summary>
public sealed class SqlServerJournalGate : IJournalGate
{
    public async Task EnterAsync(AssetAuctionDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.JournalHeads.Where(h => h.Id == JournalHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastEventSequence, h => h.LastEventSequence), ct);
    }
}
