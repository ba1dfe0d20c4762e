using System.Text.Json;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

/// <summary>One entry of an asset's history (table AssetHistory): its JSON, numbered from 1 in the order added.</summary>
internal sealed class AssetHistoryRow
{
    public string AssetId { get; init; } = "";

    public int Number { get; init; }

    public string Entry { get; init; } = "";
}

/// <summary>One change of an auction round (table RoundChanges): its JSON, numbered from 1 per round; the asset's id finds all of an asset's at once.</summary>
internal sealed class RoundChangeRow
{
    public string RoundId { get; init; } = "";

    public int Number { get; init; }

    public string AssetId { get; init; } = "";

    public string Change { get; init; } = "";
}

/// <summary>
/// The append-only lists (an asset's history, a round's changes, see <see cref="AppendOnlyRecords{T}"/>) as rows of
/// their own, one per element, never updated. A write inserts the rows of the elements its step added; the asset's
/// and the round's rows no longer carry the lists, so a step on an asset with a long history rewrites no more than
/// one on a fresh asset (the documents in those rows were rewritten whole, with the row, by every step).
/// Every reader of stored assets or rounds attaches their lists (<see cref="AttachAsync(DbContext, IReadOnlyCollection{Asset}, CancellationToken)"/>);
/// one that does not gets an aggregate that refuses to show or extend them.
/// </summary>
internal static class AppendOnlyRows
{
    /// <summary>
    /// The rows of the elements <paramref name="entity"/> (an asset or a round) added since it was read or marked
    /// stored; none for another entity, or for a list never attached (nothing can have been added to it).
    /// </summary>
    public static IEnumerable<object> Unstored(object entity) => entity switch
    {
        Asset asset when asset.History.IsAttached => Rows(asset.History, (number, entry) => new AssetHistoryRow
        {
            AssetId = asset.Id,
            Number = number,
            Entry = JsonSerializer.Serialize(entry, AppendOnlyJsonContext.Default.HistoryEntry),
        }),
        AuctionRound round when round.Changes.IsAttached => Rows(round.Changes, (number, change) => new RoundChangeRow
        {
            RoundId = round.Id,
            Number = number,
            AssetId = round.AssetId,
            Change = JsonSerializer.Serialize(change, AppendOnlyJsonContext.Default.RoundChange),
        }),
        _ => [],
    };

    /// <summary>Whether <paramref name="entity"/> has elements not stored yet.</summary>
    public static bool HasUnstored(object entity) => entity switch
    {
        Asset asset => asset.History.IsAttached && asset.History.Stored < asset.History.Count,
        AuctionRound round => round.Changes.IsAttached && round.Changes.Stored < round.Changes.Count,
        _ => false,
    };

    /// <summary>
    /// Before EF Core's SaveChanges: adds the rows of the tracked assets' and rounds' new elements to the context as
    /// new entities, and marks those elements stored, so a second save (after a failed one) does not add them again.
    /// </summary>
    public static void Stage(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var owners = db.ChangeTracker.Entries()
                .Where(e => e.State != EntityState.Detached && e.State != EntityState.Deleted && HasUnstored(e.Entity))
                .Select(e => e.Entity)
                .ToList();
            foreach (var owner in owners)
            {
                foreach (var row in Unstored(owner))
                {
                    db.Add(row);
                }

                MarkStored(owner);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Attaches the stored history and round changes of <paramref name="assets"/> and their rounds (read untracked or tracked).</summary>
    public static async Task AttachAsync(DbContext db, IReadOnlyCollection<Asset> assets, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(assets);
        var pending = assets.Where(a => !a.History.IsAttached).ToList();
        if (pending.Count > 0)
        {
            var entries = await ReadHistoryAsync(db, pending.Select(a => a.Id).ToList(), ct);
            foreach (var asset in pending)
            {
                asset.History.Attach(entries.TryGetValue(asset.Id, out var own) ? own : []);
            }
        }

        var rounds = assets.SelectMany(a => a.Rounds).Where(r => !r.Changes.IsAttached).ToList();
        if (rounds.Count > 0)
        {
            var ids = rounds.Select(r => r.AssetId).Distinct().ToList();
            Attach(rounds, await ReadChangesAsync(db.Set<RoundChangeRow>().AsNoTracking().Where(c => ids.Contains(c.AssetId)), ct));
        }
    }

    /// <summary>Attaches the stored changes of <paramref name="rounds"/> read on their own (without their assets).</summary>
    public static async Task AttachAsync(DbContext db, IReadOnlyCollection<AuctionRound> rounds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rounds);
        var pending = rounds.Where(r => !r.Changes.IsAttached).ToList();
        if (pending.Count > 0)
        {
            var ids = pending.Select(r => r.Id).ToList();
            Attach(pending, await ReadChangesAsync(db.Set<RoundChangeRow>().AsNoTracking().Where(c => ids.Contains(c.RoundId)), ct));
        }
    }

    private static void MarkStored(object entity)
    {
        switch (entity)
        {
            case Asset asset:
                asset.History.MarkStored();
                break;
            case AuctionRound round:
                round.Changes.MarkStored();
                break;
        }
    }

    private static IEnumerable<object> Rows<T>(AppendOnlyRecords<T> records, Func<int, T, object> row)
        where T : class
    {
        var (first, elements) = records.Unstored();
        for (var i = 0; i < elements.Count; i++)
        {
            yield return row(first + i, elements[i]);
        }
    }

    private static async Task<Dictionary<string, List<HistoryEntry>>> ReadHistoryAsync(DbContext db, List<string> assetIds, CancellationToken ct)
    {
        var query = assetIds.Count == 1
            ? db.Set<AssetHistoryRow>().AsNoTracking().Where(r => r.AssetId == assetIds[0])
            : db.Set<AssetHistoryRow>().AsNoTracking().Where(r => assetIds.Contains(r.AssetId));
        var entries = new Dictionary<string, List<HistoryEntry>>(StringComparer.Ordinal);
        await foreach (var row in query.OrderBy(r => r.AssetId).ThenBy(r => r.Number).Select(r => new { r.AssetId, r.Entry }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!entries.TryGetValue(row.AssetId, out var own))
            {
                entries[row.AssetId] = own = [];
            }

            own.Add(JsonSerializer.Deserialize(row.Entry, AppendOnlyJsonContext.Default.HistoryEntry)!);
        }

        return entries;
    }

    private static async Task<Dictionary<string, List<RoundChange>>> ReadChangesAsync(IQueryable<RoundChangeRow> rows, CancellationToken ct)
    {
        var changes = new Dictionary<string, List<RoundChange>>(StringComparer.Ordinal);
        await foreach (var row in rows.OrderBy(r => r.RoundId).ThenBy(r => r.Number).Select(r => new { r.RoundId, r.Change }).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!changes.TryGetValue(row.RoundId, out var own))
            {
                changes[row.RoundId] = own = [];
            }

            own.Add(JsonSerializer.Deserialize(row.Change, AppendOnlyJsonContext.Default.RoundChange)!);
        }

        return changes;
    }

    private static void Attach(List<AuctionRound> rounds, Dictionary<string, List<RoundChange>> changes)
    {
        foreach (var round in rounds)
        {
            round.Changes.Attach(changes.TryGetValue(round.Id, out var own) ? own : []);
        }
    }
}
