using System.Globalization;
using V1 = AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Domain.Statistics;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// An import's rows are written with prepared INSERTs made from the model (<see cref="InsertPlan"/>), not by EF
/// Core's SaveChanges. They must be the very rows SaveChanges would write: the assets imported through the real API
/// are read back with EF Core, saved again with SaveChanges into an empty database, and every column of every row
/// (the JSON documents byte for byte) is compared. A document written in another shape, a column left out, a
/// conversion or a foreign key missed fails here.
/// </summary>
public sealed class PreparedRowsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task Imported_rows_are_byte_for_byte_the_rows_SaveChanges_writes()
    {
        var client = new V1.AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var organization = (await client.CreateAuctionOrganizationAsync(new V1.CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new V1.AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh Sài Gòn", LicenceNumber = "DG-" + TestData.Unique(), Address = "Thành phố Hồ Chí Minh", Contact = "028 0000 0000" },
        })).Organization.Name;
        var prefix = "ROWS" + TestData.Unique();

        // Every shape the generator makes (valued, failed twice, partly paid, released, handed over, opening balances).
        var records = Enumerable.Range(1, 20).Select(i => BacklogRecords.Record(i, TestData.Office, organization, prefix)).ToList();
        var result = await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(), records);
        Assert.All(result.Outcomes, o => Assert.Equal(Status.Imported, o.Status));
        var ids = result.Outcomes.Select(o => o.Asset["assets/".Length..]).ToList();

        var (assets, entries, facts) = await service.WithDbAsync(async db => (
            await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).Where(a => ids.Contains(a.Id)).ToListAsync(),
            await db.LedgerEntries.AsNoTracking().Where(e => ids.Contains(e.AssetId)).ToListAsync(),
            await db.Set<AssetFact>().AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync()));
        Assert.Equal(20, assets.Count);
        Assert.Contains(assets, a => a.Rounds.Count > 1);
        Assert.Contains(assets, a => a.Sale is { Payments.Count: > 0 });
        Assert.NotEmpty(entries);

        await AssertSaveChangesWritesTheSameRowsAsync(assets, entries, facts);
    }

    [Fact]
    public async Task A_seizure_registered_through_the_API_is_written_byte_for_byte_as_SaveChanges_writes_it()
    {
        // RegisterSeizure only adds rows, so its batch runs prepared INSERTs (PreparedWrites) instead of SaveChanges.
        // One asset per act: the copy below adds each asset with its own instance of its act.
        var ids = new List<string>();
        foreach (var asset in new[] { TestData.Land(), TestData.Vehicle(), TestData.Land() })
        {
            var registered = await service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: asset));
            ids.Add(registered.Assets[0].Name["assets/".Length..]);
        }

        var (assets, facts) = await service.WithDbAsync(async db => (
            await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).Where(a => ids.Contains(a.Id)).ToListAsync(),
            await db.Set<AssetFact>().AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync()));
        Assert.Equal(3, assets.Count);
        Assert.All(assets, a => Assert.NotEmpty(a.Deadlines));
        Assert.Contains(assets, a => a.Encumbrances.Count > 0);
        Assert.Equal(3, facts.Count);

        await AssertSaveChangesWritesTheSameRowsAsync(assets, [], facts);
    }

    [Fact]
    public async Task An_asset_walked_through_the_pipeline_is_written_byte_for_byte_as_SaveChanges_writes_it()
    {
        // Each step changes the stored asset (its columns, its JSON documents), its rounds and its time limits:
        // UPDATEs of whole rows (PreparedWrites), plus INSERTs of new rounds and time limits.
        var p = await PipelineDriver.SeizeAsync(service);
        await p.TwoFailedRoundsAsync();
        var id = p.Asset.Name["assets/".Length..];

        var (assets, facts) = await service.WithDbAsync(async db => (
            await db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).Where(a => a.Id == id).ToListAsync(),
            await db.Set<AssetFact>().AsNoTracking().Where(f => f.AssetId == id).ToListAsync()));
        var asset = Assert.Single(assets);
        Assert.Equal(2, asset.Rounds.Count);
        Assert.True(asset.Version > 5, $"version {asset.Version}");

        await AssertSaveChangesWritesTheSameRowsAsync(assets, [], facts);
    }

    /// <summary>
    /// Saves <paramref name="assets"/> (with their seizure acts, rounds and time limits), <paramref name="entries"/>
    /// and <paramref name="facts"/> with EF Core's SaveChanges into an empty database, and compares every column of
    /// every row with the service's database.
    /// </summary>
    private async Task AssertSaveChangesWritesTheSameRowsAsync(List<Asset> assets, List<LedgerEntry> entries, List<AssetFact> facts)
    {
        var ids = assets.Select(a => a.Id).ToList();
        var copy = Path.Combine(Path.GetTempPath(), $"assetauction-rows-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite($"Data Source={copy};Pooling=False").Options;
            await using (var db = new SqliteAssetAuctionDbContext(options))
            {
                await db.Database.MigrateAsync();
                db.Assets.AddRange(assets);
                db.LedgerEntries.AddRange(entries);
                db.Set<AssetFact>().AddRange(facts);
                await db.SaveChangesAsync();

                var seizures = assets.Select(a => a.SeizureId).ToList();
                foreach (var (type, key, keys) in new (Type, string, List<string>)[]
                {
                    (typeof(SeizureAct), "Id", seizures),
                    (typeof(Asset), "Id", ids),
                    (typeof(AuctionRound), "AssetId", assets.Any(a => a.Rounds.Count > 0) ? ids : []),
                    (typeof(Deadline), "AssetId", ids),
                    (typeof(LedgerEntry), "AssetId", entries.Count == 0 ? [] : ids),
                    (typeof(AssetFact), "AssetId", ids),
                })
                {
                    var table = db.Model.FindEntityType(type)!.GetTableName()!;
                    var imported = await RowsAsync(service.DatabasePath, table, key, keys);
                    var saved = await RowsAsync(copy, table, key, keys);
                    Assert.True(saved.Count > 0 || keys.Count == 0, $"no {table} rows saved");
                    Assert.Equal(saved.Count, imported.Count);
                    for (var i = 0; i < saved.Count; i++)
                    {
                        Assert.Equal(saved[i], imported[i]);
                    }
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(copy + suffix);
            }
        }
    }

    /// <summary>Every column of the table's rows whose <paramref name="key"/> is one of <paramref name="keys"/>, as "column=value" lines, in a stable order.</summary>
    private static async Task<List<string>> RowsAsync(string database, string table, string key, List<string> keys)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" IN ({string.Join(", ", keys.Select((_, i) => "$k" + i))}) ORDER BY \"{key}\", rowid";
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters.AddWithValue("$k" + i, keys[i]);
        }

        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var columns = Enumerable.Range(0, reader.FieldCount).Select(c => $"{reader.GetName(c)}={Text(reader.GetValue(c))}");
            rows.Add(string.Join("\n", columns));
        }

        // Rows of one key (an asset's rounds, a transaction's entries) in a stable order, whichever writer wrote them first.
        return [.. rows.OrderBy(r => r, StringComparer.Ordinal)];
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
