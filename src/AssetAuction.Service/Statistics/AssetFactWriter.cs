using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetAuction.Service.Statistics;

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
        if (eventData.Context is { } db && Changed(db) is { Count: > 0 } assets)
        {
            var ids = assets.Select(a => a.Id).ToList();
            Refresh(db, assets, db.Set<AssetFact>().Where(f => ids.Contains(f.AssetId)).ToDictionary(f => f.AssetId, StringComparer.Ordinal));
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && Changed(db) is { Count: > 0 } assets)
        {
            var ids = assets.Select(a => a.Id).ToList();
            Refresh(db, assets, await db.Set<AssetFact>().Where(f => ids.Contains(f.AssetId)).ToDictionaryAsync(f => f.AssetId, StringComparer.Ordinal, cancellationToken));
        }

        return result;
    }

    private static List<Asset> Changed(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        return [.. db.ChangeTracker.Entries<Asset>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)];
    }

    private static void Refresh(DbContext db, List<Asset> assets, Dictionary<string, AssetFact> existing)
    {
        foreach (var asset in assets)
        {
            if (!existing.TryGetValue(asset.Id, out var fact))
            {
                fact = new AssetFact(asset.Id);
                db.Add(fact);
            }

            fact.Refresh(asset);
        }
    }
}
