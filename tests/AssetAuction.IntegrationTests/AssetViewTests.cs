using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// GetAsset and ListAssets answer from each asset's stored view (<see cref="AssetView"/>), the protobuf bytes made in
/// the same transaction as every change. These pin that every way an asset is written leaves its view current, that
/// the reads serve the view, and that a view which is missing or not at the asset's version is never served.
/// </summary>
/// <summary>
/// Without the deadline watch: its start-up sweep adds reminders to the time limits of the assets these tests make
/// and remakes their views meanwhile (the watch's own remake is covered in DeadlineWatchTests); it overwrote a view
/// a test had just marked whenever this class ran alone.
/// </summary>
public sealed class AssetViewTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    [Fact]
    public async Task A_seizure_and_every_pipeline_step_leave_the_view_current_and_the_reads_serve_it()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await AssetViewAssert.CurrentAsync(service, [p.Asset.Name]);

        await p.TwoFailedRoundsAsync();
        await AssetViewAssert.CurrentAsync(service, [p.Asset.Name]);
        Assert.Equal(p.Asset, await GetAsync(p.Asset.Name));

        // The reads answer with the stored bytes: marked ones show.
        var marked = p.Asset.Clone();
        marked.Description = "from the view";
        await SetViewAsync(p.Asset.Name, marked.ToByteArray());
        Assert.Equal("from the view", (await GetAsync(p.Asset.Name)).Description);
        var page = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber });
        Assert.Equal("from the view", Assert.Single(page.Assets).Description);
    }

    [Fact]
    public async Task Imported_assets_have_current_views()
    {
        var organization = await (await PipelineDriver.SeizeAsync(service)).RegisterOrganizationAsync();
        var prefix = "VIEW" + TestData.Unique();
        var records = Enumerable.Range(1, 10).Select(i => BacklogRecords.Record(i, TestData.Office, organization, prefix)).ToList();
        var result = await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(), records);
        Assert.All(result.Outcomes, o => Assert.Equal(Status.Imported, o.Status));

        await AssetViewAssert.CurrentAsync(service, result.Outcomes.Select(o => o.Asset));
    }

    [Fact]
    public async Task Payment_and_payouts_decided_in_the_write_batch_leave_the_view_current()
    {
        var scenario = await ProceedsScenario.SoldAndPaidAsync(service, 1_000_000_000, ("BANK-A", 600_000_000));
        var plan = await scenario.ApproveAsync(await scenario.PrepareAsync());
        await scenario.PayAsync(plan, PayeeKind.Creditor, "BANK-A", 582_000_000);

        await AssetViewAssert.CurrentAsync(service, [scenario.Asset]);
        Assert.Equal(await LoadedAsync(scenario.Asset), await GetAsync(scenario.Asset));
    }

    [Fact]
    public async Task A_missing_view_is_not_needed_to_read_and_the_next_change_makes_it()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var second = await PipelineDriver.SeizeAsync(service, adjust: r => r.EnforcementCase.CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber);
        var id = p.Asset.Name["assets/".Length..];
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == id).ExecuteDeleteAsync());

        Assert.Equal(p.Asset, await GetAsync(p.Asset.Name));
        var page = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber });
        Assert.Equal([second.Asset, p.Asset], page.Assets); // newest first: one from its view, one loaded
        // The office's own listing (its own statement) too; at a page size of 3 the asset without a view is not the
        // row the next page's token is made from, whose id the page reads anyway.
        var office = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { PageSize = 3 });
        Assert.Equal([second.Asset, p.Asset], office.Assets.Take(2));

        await p.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 20));
        await AssetViewAssert.CurrentAsync(service, [p.Asset.Name]);
    }

    [Fact]
    public async Task A_view_not_at_the_assets_version_is_never_served()
    {
        // As if a change had moved the asset on without remaking its view: the view holds an older message.
        var p = await PipelineDriver.SeizeAsync(service);
        var older = p.Asset.Clone();
        older.Description = "an older view";
        await p.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 20));
        var id = p.Asset.Name["assets/".Length..];
        var version = long.Parse(p.Asset.Etag, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = older.ToByteArray();
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Proto, bytes).SetProperty(v => v.Version, version - 1)));

        Assert.Equal(p.Asset, await GetAsync(p.Asset.Name));
        var page = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber });
        Assert.Equal(p.Asset, Assert.Single(page.Assets));
        var office = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { PageSize = 1 });
        Assert.Equal(p.Asset, Assert.Single(office.Assets)); // the office's own listing: the newest, loaded
    }

    [Fact]
    public async Task A_change_to_an_asset_not_loaded_whole_stops_its_view_being_served()
    {
        // Its rounds and time limits are not at hand, so the view cannot be remade; the old one must not be shown.
        var p = await PipelineDriver.SeizeAsync(service);
        var id = p.Asset.Name["assets/".Length..];
        await service.WithDbAsync(async db =>
        {
            var asset = await db.Assets.SingleAsync(a => a.Id == id);
            db.Entry(asset).Property(a => a.Description).CurrentValue = "changed without its parts";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(AssetView.Invalid, await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == id).Select(v => v.Version).SingleAsync()));
        Assert.Equal("changed without its parts", (await GetAsync(p.Asset.Name)).Description);
    }

    [Fact]
    public async Task Rebuild_views_writes_the_missing_and_the_stale_views_and_keeps_the_current_ones()
    {
        // As after an upgrade: one asset without a view, one whose view is not at its version, one current.
        var missing = await PipelineDriver.SeizeAsync(service);
        var stale = await PipelineDriver.SeizeAsync(service);
        var current = await PipelineDriver.SeizeAsync(service);
        var (missingId, staleId, currentId) = (Id(missing.Asset.Name), Id(stale.Asset.Name), Id(current.Asset.Name));
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == missingId).ExecuteDeleteAsync());
        await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == staleId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Proto, Array.Empty<byte>()).SetProperty(v => v.Version, AssetView.Invalid)));
        var kept = await service.WithDbAsync(db => db.Set<AssetView>().AsNoTracking().SingleAsync(v => v.AssetId == currentId));

        Assert.Equal(0, await RebuildViewsCommand.RunAsync(service.Services));

        await AssetViewAssert.CurrentAsync(service, [missing.Asset.Name, stale.Asset.Name, current.Asset.Name]);
        Assert.Equal(kept.Proto, await service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == currentId).Select(v => v.Proto).SingleAsync()));
        Assert.Equal(stale.Asset, await GetAsync(stale.Asset.Name));
    }

    private static string Id(string name) => name["assets/".Length..];

    private async Task<Asset> GetAsync(string name) => (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = name })).Asset;

    private Task<Asset> LoadedAsync(string name)
    {
        var id = name["assets/".Length..];
        return service.WithDbAsync(async db => (await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).SingleAsync(a => a.Id == id)).ToProto());
    }

    private Task<int> SetViewAsync(string name, byte[] bytes)
    {
        var id = name["assets/".Length..];
        return service.WithDbAsync(db => db.Set<AssetView>().Where(v => v.AssetId == id).ExecuteUpdateAsync(s => s.SetProperty(v => v.Proto, bytes)));
    }
}
