using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Assets;

/// <summary>
/// The `rebuild-views` verb: writes the read view (<see cref="AssetView"/>) of every asset that has none, or none at
/// its version, in batches. Needed once after upgrading a database whose assets predate views (until then GetAsset
/// and ListAssets load those assets, as before, which is slower but shows the same); safe to run again and beside a
/// running service: a view is replaced only as it was read (its version is checked), so a batch that meets a view
/// a write remade meanwhile is read again and that view is kept.
/// </summary>
internal static class RebuildViewsCommand
{
    private const int BatchSize = 200;

    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var maker = services.GetRequiredService<IAssetViewMaker>();
        var written = 0;
        var seen = await AssetBatches.ForEachAsync(services, BatchSize, async (db, assets) =>
        {
            var ids = assets.Select(a => a.Id).ToList();
            var views = await db.Set<AssetView>().Where(v => ids.Contains(v.AssetId)).ToDictionaryAsync(v => v.AssetId, StringComparer.Ordinal, ct);
            var batch = 0;
            foreach (var asset in assets)
            {
                if (!views.TryGetValue(asset.Id, out var view))
                {
                    db.Add(new AssetView(asset.Id, asset.Version, maker.Make(asset)));
                    batch++;
                }
                else if (view.Version != asset.Version)
                {
                    view.Refresh(asset.Version, maker.Make(asset));
                    batch++;
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || DatabaseErrors.IsUniqueViolation(e))
            {
                return false; // a write remade one of these views meanwhile: read the batch again
            }

            written += batch;
            return true;
        }, ct);

        Console.WriteLine($"Read views written for {written} of {seen} assets (the others were current).");
        return 0;
    }
}
