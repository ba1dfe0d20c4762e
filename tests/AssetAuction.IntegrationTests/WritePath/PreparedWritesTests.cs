using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AssetAuction.Domain.Assets;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// Which writes skip SaveChanges: new entities become prepared INSERTs, each once, principals first (a seizure act
/// before its assets, an asset before its time limits); a changed stored entity, or one whose owned values changed,
/// becomes an UPDATE of its row checked by its version, and a stale version fails it as EF Core would; a removal
/// leaves the write to EF Core. (That the rows are byte for byte EF Core's is <see cref="PreparedRowsTests"/>.)
/// </summary>
public sealed class PreparedWritesTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task New_entities_only_are_prepared_as_inserts_principals_first()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var asset = await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).SingleAsync(a => a.Id == id);
        db.Assets.Add(asset); // the asset, its seizure act and its time limits, all as new
        await scope.ServiceProvider.GetRequiredService<AssetDerivedRows>().RefreshAsync(db, CancellationToken.None);

        var rows = PreparedWrites.TryPrepare(db);

        Assert.NotNull(rows);
        var tables = rows.Rows.Select(r => r.Statement.Text.Split('"')[1]).ToList();
        Assert.Equal(db.ChangeTracker.Entries().Count(e => !e.Metadata.IsOwned()), rows.Count);
        Assert.Equal(db.Model.FindEntityType(typeof(SeizureAct))!.GetTableName(), tables[0]);
        var assetRow = tables.IndexOf(db.Model.FindEntityType(typeof(Asset))!.GetTableName()!);
        var firstDeadline = tables.IndexOf(db.Model.FindEntityType(typeof(Deadline))!.GetTableName()!);
        Assert.InRange(assetRow, 1, firstDeadline - 1);
        Assert.True(tables.IndexOf(db.Model.FindEntityType(typeof(AssetView))!.GetTableName()!) > assetRow, "an asset's view is written after the asset");
        Assert.Equal(asset.Deadlines.Count, tables.Count(t => t == db.Model.FindEntityType(typeof(Deadline))!.GetTableName()));
        Assert.Contains(asset, rows.Entities);
        Assert.Contains(asset.Seizure, rows.Entities);
    }

    [Fact]
    public async Task A_changed_stored_asset_is_an_update_checked_by_its_version()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var asset = await db.Assets.Include(a => a.Seizure).Include(a => a.Deadlines).SingleAsync(a => a.Id == id);
        var version = asset.Version;
        db.Entry(asset).Property(a => a.Version).CurrentValue = version + 1;
        db.Entry(asset.Owners[0].Party).Property(p => p.Address).CurrentValue = "No 1 Trang Tien, Ha Noi"; // an owned value in a JSON document
        db.ChangeTracker.DetectChanges();

        var rows = PreparedWrites.TryPrepare(db);

        Assert.NotNull(rows);
        var (statement, values) = Assert.Single(rows.Rows);
        Assert.StartsWith($"UPDATE \"{db.Model.FindEntityType(typeof(Asset))!.GetTableName()}\"", statement.Text, StringComparison.Ordinal);
        Assert.True(statement.MustChangeOneRow);
        Assert.Equal(version, values[^1]); // the version read, in the WHERE clause
        Assert.Contains(values, v => v is string json && json.Contains("No 1 Trang Tien", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_time_limit_without_a_version_gets_only_its_changed_columns_and_keeps_what_the_watch_marked()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var limit = await db.Deadlines.FirstAsync(d => d.AssetId == id);
        db.Entry(limit).Property(d => d.ClosedBy).CurrentValue = "officer-7"; // read before the watch marks it

        // The deadline watch marks the limit reported meanwhile (an UPDATE of its own column, no version).
        var marked = new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);
        await service.WithDbAsync(other => other.Deadlines.Where(d => d.Id == limit.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderReportedAt, marked)));

        db.ChangeTracker.DetectChanges();
        var rows = PreparedWrites.TryPrepare(db);
        Assert.NotNull(rows);
        var (statement, _) = Assert.Single(rows.Rows);
        Assert.Contains("\"ClosedBy\"", statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ReminderReportedAt", statement.Text, StringComparison.Ordinal);

        await WriteAsync(rows);

        var stored = await service.WithDbAsync(other => other.Deadlines.AsNoTracking().SingleAsync(d => d.Id == limit.Id));
        Assert.Equal("officer-7", stored.ClosedBy);
        Assert.Equal(marked, stored.ReminderReportedAt);
    }

    [Fact]
    public async Task An_update_on_a_stale_version_is_a_concurrency_failure()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var asset = await db.Assets.SingleAsync(a => a.Id == id);
        var version = asset.Version;
        db.Entry(asset).Property(a => a.Version).CurrentValue = version + 1;
        db.Entry(asset).Property(a => a.Version).OriginalValue = version - 1; // read before another write moved it on
        db.ChangeTracker.DetectChanges();
        var rows = PreparedWrites.TryPrepare(db);
        Assert.NotNull(rows);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => WriteAsync(rows));
    }

    [Fact]
    public async Task A_removal_or_no_change_at_all_is_left_to_SaveChanges()
    {
        var id = await RegisteredAssetIdAsync();
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var asset = await db.Assets.Include(a => a.Deadlines).SingleAsync(a => a.Id == id);
        Assert.Null(PreparedWrites.TryPrepare(db)); // loaded, unchanged: nothing to write

        db.Remove(asset.Deadlines[0]);
        Assert.Null(PreparedWrites.TryPrepare(db));
    }

    [Fact]
    public async Task The_pipeline_steps_are_saved_by_prepared_statements()
    {
        var saves = new ConcurrentBag<(string Method, string By)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AssetAuctionMetrics.MeterName && instrument.Name == "assetauction.write.saves")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            saves.Add(((string)values["rpc.method"]!, (string)values["by"]!));
        });
        meters.Start();

        await (await PipelineDriver.SeizeAsync(service)).TwoFailedRoundsAsync();

        // Other test classes write at the same time (the listener hears the whole process): each method called
        // here must have been saved by prepared statements at least once.
        foreach (var method in new[] { "RegisterSeizure", "RecordValuation", "CreateAuctionOrganization", "ScheduleAuctionRound", "RecordAuctionResult", "ReducePrice" })
        {
            Assert.Contains(saves, s => s.Method.EndsWith("/" + method, StringComparison.Ordinal) && s.By == "prepared");
        }
    }

    /// <summary>Runs <paramref name="rows"/> as a batch does (the journal's statements on a transaction of its own) and commits.</summary>
    private async Task WriteAsync(PreparedRows rows)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        await writer.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await writer.Database.BeginTransactionAsync();
            await using (var statements = AssetAuction.Service.Journal.JournalRows.For(writer, transaction))
            {
                await statements.AddAsync(rows, CancellationToken.None);
            }

            await transaction.CommitAsync();
        }
        finally
        {
            await writer.Database.CloseConnectionAsync();
        }
    }

    private async Task<string> RegisteredAssetIdAsync()
    {
        var registered = await service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: [TestData.Land(), TestData.Vehicle()]));
        return registered.Assets[0].Name["assets/".Length..];
    }
}
