using System.Globalization;
using System.Text.Json.Nodes;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// An asset's history and a round's changes are append-only lists stored a row per element (tables AssetHistory and
/// RoundChanges, Data/AppendOnlyRows.cs). Before, each was one JSON document in the asset's and the round's row, as
/// EF Core's owned types wrote it (instants as UTC ticks on SQLite, as ISO 8601 text on SQL Server) or as a JSON null.
/// The upgrade (migration AppendOnlyListsAsRows) turns every document into rows that read as the documents did; a
/// step then inserts its own rows only; and the migration's Down puts the rows back into documents.
/// </summary>
public sealed class AppendOnlyListsTests(ITestOutputHelper output)
{
    /// <summary>The last SQLite migration before the lists were rows.</summary>
    private const string PreviousMigration = "20261128151823_StatementLinesByLine";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Documents_stored_before_the_upgrade_become_rows_that_read_the_same_and_a_step_inserts_its_own_rows_only(bool isoInstants)
    {
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        Asset expected;
        Asset emptied;
        string roundId;
        using (var before = new ServiceFactory(path) { KeepDatabase = true })
        {
            _ = before.LogTo(output);
            var p = await PipelineDriver.SeizeAsync(before);
            await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
            await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
            await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
            await PostponeAsync(p, "first", 16);
            await PostponeAsync(p, "second", 17);
            expected = p.Asset.Clone();
            Assert.Equal(2, expected.Rounds[0].Changes.Count);
            Assert.True(expected.History.Count >= 6);
            emptied = (await PipelineDriver.SeizeAsync(before)).Asset;
            roundId = expected.Rounds[0].Name[(expected.Rounds[0].Name.LastIndexOf('/') + 1)..];
            var (id, emptiedId) = (Id(expected), Id(emptied));

            await before.WithDbAsync(async db =>
            {
                // Back to the schema before the rows: Down must put every element back into its document, in order.
                await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
                var history = await db.Database.SqlQuery<string>($"SELECT History AS Value FROM Assets WHERE Id = {id}").SingleAsync();
                var changes = await db.Database.SqlQuery<string>($"SELECT Changes AS Value FROM AuctionRounds WHERE Id = {roundId}").SingleAsync();
                Assert.Equal(expected.History.Select(h => h.Action), JsonNode.Parse(history)!.AsArray().Select(e => (string)e!["Action"]!));
                Assert.Equal(["first", "second"], JsonNode.Parse(changes)!.AsArray().Select(e => (string)e!["Reason"]!));

                // As EF Core's owned types wrote them, and one history as a JSON null. Without views, the reads after
                // the upgrade map the assets from their rows.
                var (oldHistory, oldChanges) = (AsStoredByOwnedTypes(history, isoInstants), AsStoredByOwnedTypes(changes, isoInstants));
                Assert.Contains(isoInstants ? "\"Time\":\"2026-" : "\"Time\":6", oldHistory, StringComparison.Ordinal);
                Assert.Contains(isoInstants ? "\"NewAuctionTime\":\"2026-" : "\"NewAuctionTime\":6", oldChanges, StringComparison.Ordinal);
                await db.Database.ExecuteSqlAsync($"UPDATE Assets SET History = {oldHistory} WHERE Id = {id}");
                await db.Database.ExecuteSqlAsync($"UPDATE Assets SET History = 'null' WHERE Id = {emptiedId}");
                await db.Database.ExecuteSqlAsync($"UPDATE AuctionRounds SET Changes = {oldChanges} WHERE Id = {roundId}");
                return await db.Set<AssetView>().ExecuteDeleteAsync();
            });
        }

        using var after = new ServiceFactory(path);
        _ = after.LogTo(output);
        Assert.Equal(expected, await GetAsync(after, expected.Name));
        Assert.Empty((await GetAsync(after, emptied.Name)).History);
        Assert.Equal(Enumerable.Range(1, expected.History.Count), await HistoryNumbersAsync(after, Id(expected)));
        Assert.Equal([1, 2], await ChangeNumbersAsync(after, roundId));

        // The next step inserts one history row and one change row; the earlier rows are as they were.
        var earlier = await after.WithDbAsync(db => db.Set<AssetHistoryRow>().AsNoTracking().Where(r => r.AssetId == Id(expected)).OrderBy(r => r.Number).Select(r => r.Entry).ToListAsync());
        var p2 = new PipelineDriver(after, expected);
        await PostponeAsync(p2, "third", 18);
        Assert.Equal(Enumerable.Range(1, expected.History.Count + 1), await HistoryNumbersAsync(after, Id(expected)));
        Assert.Equal([1, 2, 3], await ChangeNumbersAsync(after, roundId));
        Assert.Equal(earlier, (await after.WithDbAsync(db => db.Set<AssetHistoryRow>().AsNoTracking().Where(r => r.AssetId == Id(expected)).OrderBy(r => r.Number).Select(r => r.Entry).ToListAsync())).Take(earlier.Count));
        Assert.Equal(expected.History, p2.Asset.History.Take(expected.History.Count));
        Assert.Equal(["first", "second", "third"], p2.Asset.Rounds[0].Changes.Select(c => c.Reason));
        Assert.Equal(p2.Asset, await GetAsync(after, expected.Name));

        // The emptied history starts again at 1.
        var p3 = new PipelineDriver(after, await GetAsync(after, emptied.Name));
        await p3.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        Assert.Equal("RecordValuation", Assert.Single(p3.Asset.History).Action);
        Assert.Equal([1], await HistoryNumbersAsync(after, Id(emptied)));
    }

    private static string Id(Asset asset) => asset.Name["assets/".Length..];

    private static async Task<Asset> GetAsync(ServiceFactory service, string name) =>
        (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = name })).Asset;

    private static Task<List<int>> HistoryNumbersAsync(ServiceFactory service, string assetId) =>
        service.WithDbAsync(db => db.Set<AssetHistoryRow>().Where(r => r.AssetId == assetId).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());

    private static Task<List<int>> ChangeNumbersAsync(ServiceFactory service, string roundId) =>
        service.WithDbAsync(db => db.Set<RoundChangeRow>().Where(r => r.RoundId == roundId).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync());

    private static Task<Asset> PostponeAsync(PipelineDriver p, string reason, int day) => p.Step(
        new PostponeAuctionRoundRequest { Reason = reason, Plan = PipelineDriver.Plan(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, day), 100_000_000) },
        async r => (await p.Client.PostponeAuctionRoundAsync(r)).Asset);

    /// <summary>The document with its properties in name order and its instants as UTC ticks or as ISO 8601 text.</summary>
    private static string AsStoredByOwnedTypes(string json, bool isoInstants)
    {
        var array = new JsonArray();
        foreach (var element in JsonNode.Parse(json)!.AsArray())
        {
            var sorted = new JsonObject();
            foreach (var (name, value) in element!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                sorted[name] = value?.GetValueKind() == System.Text.Json.JsonValueKind.Number && name.EndsWith("Time", StringComparison.Ordinal)
                    ? isoInstants ? new DateTimeOffset(value.GetValue<long>(), TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture) : value.GetValue<long>()
                    : value?.DeepClone();
            }

            array.Add(sorted);
        }

        return array.ToJsonString();
    }
}
