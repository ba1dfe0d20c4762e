using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.IntegrationTests.Infrastructure;

/// <summary>
/// The invariant of the read views: every asset's stored view is at the asset's version and holds exactly the
/// message the asset maps to when it is loaded whole. A write path that forgets the view fails here.
/// </summary>
public static class AssetViewAssert
{
    public static async Task CurrentAsync(ServiceFactory service, IEnumerable<string> assetNames)
    {
        ArgumentNullException.ThrowIfNull(service);
        var ids = assetNames.Select(n => n["assets/".Length..]).Distinct().ToList();
        var (assets, views) = await service.WithDbAsync(async db => (
            await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).Where(a => ids.Contains(a.Id)).ToListAsync(),
            await db.Set<AssetView>().AsNoTracking().Where(v => ids.Contains(v.AssetId)).ToDictionaryAsync(v => v.AssetId, StringComparer.Ordinal)));
        Assert.Equal(ids.Count, assets.Count);
        foreach (var asset in assets)
        {
            Assert.True(views.TryGetValue(asset.Id, out var view), $"{asset.Name} has no view");
            Assert.Equal(asset.Version, view.Version);
            Assert.Equal(asset.ToProto(), V1.Asset.Parser.ParseFrom(view.Proto));
        }
    }
}
