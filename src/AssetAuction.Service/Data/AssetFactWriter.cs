using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetAuction.Service.Data;

/// <summary>
/// Keeps each asset's statistics fact in step with the asset: on every save that adds or changes an asset, its
/// fact row is refreshed in the same SaveChanges, so in the same transaction (MutationRunner commits both or
/// neither). Chosen over maintained per-office counters because counters cannot be recomputed for a past month
/// after a back-dated act, and over reading whole assets because their JSON columns make a country's year slow
/// (see the benchmark figures in the README).
/// </summary>
public sealed class AssetFactWriter : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !Prepared(db) && Changed(db) is { Count: > 0 } assets)
        {
            var missing = Missing(db, assets);
            var loaded = missing.Count == 0 ? [] : db.Set<AssetFact>().Where(f => missing.Contains(f.AssetId)).ToList();
            Refresh(db, assets, Known(db, loaded));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !Prepared(db))
        {
            await RefreshAsync(db, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Refreshes the facts of the assets <paramref name="db"/> adds or changes, with every change detected, so a
    /// save that follows needs no detection of its own. The write path calls this before the write lock for writes
    /// decided there (and marks the context <see cref="Data.AssetAuctionDbContext.ChangesPrepared"/>), which keeps
    /// this work out of the serial commit loop; the interceptor does it for every other save.
    /// </summary>
    public static async Task RefreshAsync(DbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Changed(db) is { Count: > 0 } assets)
        {
            var missing = Missing(db, assets);
            var loaded = missing.Count == 0 ? [] : await db.Set<AssetFact>().Where(f => missing.Contains(f.AssetId)).ToListAsync(ct);
            Refresh(db, assets, Known(db, loaded));
        }
    }

    /// <summary>The fact of a new asset, not added to any context (an import writes it itself).</summary>
    public static AssetFact ForNew(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var fact = new AssetFact(asset.Id);
        fact.Refresh(asset);
        return fact;
    }

    private static bool Prepared(DbContext db) => db is Data.AssetAuctionDbContext { ChangesPrepared: true };

    /// <summary>
    /// Loads the facts of assets about to be changed, before the write lock (the pipeline does this when it loads
    /// the asset), so the save under the lock finds them tracked and does not query.
    /// </summary>
    public static Task PreloadAsync(DbContext db, string assetId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<AssetFact>().Where(f => f.AssetId == assetId).LoadAsync(ct);
    }

    /// <summary>
    /// Changed assets whose fact is not tracked yet. A new asset has none, so it is never looked for. The states are
    /// the ones <see cref="Changed"/> found: asking the context for each asset's entry again would detect its changes again.
    /// </summary>
    private static List<string> Missing(DbContext db, List<(Asset Asset, EntityState State)> assets)
    {
        if (!assets.Any(a => a.State == EntityState.Modified))
        {
            return [];
        }

        var tracked = db.Set<AssetFact>().Local.Select(f => f.AssetId).ToHashSet(StringComparer.Ordinal);
        return [.. assets.Where(a => a.State == EntityState.Modified && !tracked.Contains(a.Asset.Id)).Select(a => a.Asset.Id)];
    }

    private static Dictionary<string, AssetFact> Known(DbContext db, List<AssetFact> loaded) =>
        db.Set<AssetFact>().Local.Concat(loaded).DistinctBy(f => f.AssetId).ToDictionary(f => f.AssetId, StringComparer.Ordinal);

    private static List<(Asset Asset, EntityState State)> Changed(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // just detected: Entries would do it all over again
        try
        {
            return [.. db.ChangeTracker.Entries<Asset>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => (e.Entity, e.State))];
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static void Refresh(DbContext db, List<(Asset Asset, EntityState State)> assets, Dictionary<string, AssetFact> existing)
    {
        foreach (var (asset, _) in assets)
        {
            if (!existing.TryGetValue(asset.Id, out var fact))
            {
                fact = new AssetFact(asset.Id);
                db.Add(fact);
            }

            fact.Refresh(asset);
            db.Entry(fact).DetectChanges();
        }
    }
}
