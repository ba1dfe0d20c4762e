using AssetAuction.Domain.Assets;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// Which writes skip SaveChanges: a context that tracks only new entities gets their rows as prepared INSERTs, each
/// entity once, principals first (a seizure act before its assets, an asset before its time limits); a context that
/// tracks a stored row gets none, and its write stays with EF Core. (That the rows are byte for byte EF Core's is
/// <see cref="PreparedRowsTests"/>.)
/// </summary>
public sealed class PreparedInsertsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task New_entities_only_are_prepared_as_inserts_principals_first()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var asset = await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).SingleAsync(a => a.Id == id);
        db.Assets.Add(asset); // the asset, its seizure act and its time limits, all as new
        await AssetFactWriter.RefreshAsync(db, CancellationToken.None);

        var rows = PreparedInserts.TryPrepare(db);

        Assert.NotNull(rows);
        var tables = rows.Rows.Select(r => r.Plan.Text.Split('"')[1]).ToList();
        Assert.Equal(db.ChangeTracker.Entries().Count(e => !e.Metadata.IsOwned()), rows.Count);
        Assert.Equal(db.Model.FindEntityType(typeof(SeizureAct))!.GetTableName(), tables[0]);
        var assetRow = tables.IndexOf(db.Model.FindEntityType(typeof(Asset))!.GetTableName()!);
        var firstDeadline = tables.IndexOf(db.Model.FindEntityType(typeof(Deadline))!.GetTableName()!);
        Assert.InRange(assetRow, 1, firstDeadline - 1);
        Assert.Equal(asset.Deadlines.Count, tables.Count(t => t == db.Model.FindEntityType(typeof(Deadline))!.GetTableName()));
        Assert.Contains(asset, rows.Entities);
        Assert.Contains(asset.Seizure, rows.Entities);
    }

    [Fact]
    public async Task A_context_tracking_a_stored_row_is_left_to_SaveChanges()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var stored = await db.Assets.Include(a => a.Deadlines).SingleAsync(a => a.Id == id);
        var fresh = await db.Assets.AsNoTracking().Include(a => a.Seizure).FirstAsync(a => a.Id != id);
        db.Assets.Add(fresh);

        // A stored row tracked unchanged, beside new ones: no inserts (a value added to it would be an UPDATE).
        Assert.Null(PreparedInserts.TryPrepare(db));

        db.ChangeTracker.Clear();
        Assert.Null(PreparedInserts.TryPrepare(db)); // nothing to write at all
        Assert.Equal(id, stored.Id);
    }

    private async Task<string> RegisteredAssetIdAsync()
    {
        var registered = await service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: [TestData.Land(), TestData.Vehicle()]));
        return registered.Assets[0].Name["assets/".Length..];
    }
}
