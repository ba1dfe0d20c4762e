using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// The `rebuild-statistics` verb: writes (or rewrites) every asset's statistics fact from the asset itself, in
/// batches. Needed once after upgrading a database whose assets predate the facts; safe to run again (a fact is
/// a pure function of its asset). Facts are otherwise kept in step by <see cref="AssetDerivedRows"/>.
/// </summary>
internal static class RebuildFactsCommand
{
    private const int BatchSize = 500;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var total = await AssetBatches.ForEachAsync(services, BatchSize, async (db, assets) =>
        {
            var ids = assets.Select(a => a.Id).ToList();
            var facts = await db.Set<AssetFact>().Where(f => ids.Contains(f.AssetId)).ToDictionaryAsync(f => f.AssetId, StringComparer.Ordinal, ct);
            foreach (var asset in assets)
            {
                if (!facts.TryGetValue(asset.Id, out var fact))
                {
                    fact = new AssetFact(asset.Id);
                    db.Add(fact);
                }

                fact.Refresh(asset);
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

        // The facts were written without events, so cached office figures cannot tell they changed. This clears
        // the cache of this process only: a running service keeps its own until it restarts (README).
        services.GetService<OfficePartialCache>()?.Clear();
        Console.WriteLine($"Statistics facts rebuilt for {total} assets.");
        return 0;
    }
}
