using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Assets;

/// <summary>Every asset, loaded whole (seizure act, rounds, time limits) and untracked, in batches in id order, each on a context of its own: how the operator verbs that rewrite derived rows walk the database.</summary>
internal static class AssetBatches
{
    /// <summary>
    /// Calls <paramref name="each"/> with each batch and its context; when it returns false the same batch is read
    /// again (a write raced it). Returns how many assets were walked.
    /// </summary>
    public static async Task<int> ForEachAsync(IServiceProvider services, int size, Func<AssetAuctionDbContext, List<DomainAsset>, Task<bool>> each, CancellationToken ct)
    {
        var after = "";
        var total = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
            var assets = await AssetReads.WithPipeline(db.Assets.AsNoTracking())
                .Where(a => string.Compare(a.Id, after) > 0)
                .OrderBy(a => a.Id)
                .Take(size)
                .ToListAsync(ct);
            if (assets.Count == 0)
            {
                return total;
            }

            if (await each(db, assets))
            {
                total += assets.Count;
                after = assets[^1].Id;
            }
        }
    }
}
