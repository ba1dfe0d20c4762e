using System.Globalization;
using System.Text.Json.Nodes;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// An asset's history and a round's changes are append-only lists, each stored as one JSON document in its column
/// and converted as a whole value (Data/AppendOnlyJson.cs), no longer as EF Core owned entities. These pin that the
/// documents EF Core wrote before (instants as UTC ticks on SQLite, as ISO 8601 text on SQL Server) read unchanged,
/// and that a step appends its entries to the document it read.
/// </summary>
public sealed class AppendOnlyListsTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lists_stored_by_the_owned_type_mapping_read_unchanged_and_the_next_step_appends_to_them(bool isoInstants)
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        await PostponeAsync(p, "first", 16);
        var expected = p.Asset.Clone();
        Assert.Single(expected.Rounds[0].Changes);
        Assert.True(expected.History.Count >= 5);

        // Rewrite both documents as EF Core wrote them for owned types: properties in name order, every instant as its
        // UTC ticks (SQLite) or as ISO 8601 text (SQL Server). Drop the view, so that the read maps the asset from its row.
        var id = p.Asset.Name["assets/".Length..];
        var documents = ("", "");
        var roundId = expected.Rounds[0].Name[(expected.Rounds[0].Name.LastIndexOf('/') + 1)..];
        await service.WithDbAsync(async db =>
        {
            var history = await db.Database.SqlQuery<string>($"SELECT History AS Value FROM Assets WHERE Id = {id}").SingleAsync();
            var changes = await db.Database.SqlQuery<string>($"SELECT Changes AS Value FROM AuctionRounds WHERE Id = {roundId}").SingleAsync();
            var (oldHistory, oldChanges) = (AsStoredByOwnedTypes(history, isoInstants), AsStoredByOwnedTypes(changes, isoInstants));
            Assert.Contains(isoInstants ? "\"Time\":\"2026-" : "\"Time\":6", oldHistory, StringComparison.Ordinal);
            Assert.Contains(isoInstants ? "\"NewAuctionTime\":\"2026-" : "\"NewAuctionTime\":6", oldChanges, StringComparison.Ordinal);
            documents = (oldHistory, oldChanges);
            await db.Database.ExecuteSqlAsync($"UPDATE Assets SET History = {oldHistory} WHERE Id = {id}");
            await db.Database.ExecuteSqlAsync($"UPDATE AuctionRounds SET Changes = {oldChanges} WHERE Id = {roundId}");
            return await db.Set<AssetView>().Where(v => v.AssetId == id).ExecuteDeleteAsync();
        });

        Assert.Equal(expected, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset);

        await PostponeAsync(p, "second", 17);
        Assert.Equal(expected.History, p.Asset.History.Take(expected.History.Count));
        Assert.Equal(expected.History.Count + 1, p.Asset.History.Count);
        Assert.Equal(["first", "second"], p.Asset.Rounds[0].Changes.Select(c => c.Reason));
        Assert.Equal(expected.Rounds[0].Changes[0], p.Asset.Rounds[0].Changes[0]);
        // The step appended its entry to each document as it was read.
        var stored = await service.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT History AS Value FROM Assets WHERE Id = {id}").SingleAsync());
        var storedChanges = await service.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT Changes AS Value FROM AuctionRounds WHERE Id = {roundId}").SingleAsync());
        Assert.StartsWith(documents.Item1[..^1] + ",{", stored, StringComparison.Ordinal);
        Assert.StartsWith(documents.Item2[..^1] + ",{", storedChanges, StringComparison.Ordinal);
        Assert.Equal(p.Asset, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset);
    }

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

    [Fact]
    public async Task A_history_stored_as_a_json_null_reads_as_empty_and_the_next_step_writes_a_whole_list()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var id = p.Asset.Name["assets/".Length..];
        await service.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlAsync($"UPDATE Assets SET History = 'null' WHERE Id = {id}");
            return await db.Set<AssetView>().Where(v => v.AssetId == id).ExecuteDeleteAsync();
        });

        Assert.Empty((await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset.History);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        Assert.Equal("RecordValuation", Assert.Single(p.Asset.History).Action);
        var stored = await service.WithDbAsync(db => db.Database.SqlQuery<string>($"SELECT History AS Value FROM Assets WHERE Id = {id}").SingleAsync());
        Assert.StartsWith("[{", stored, StringComparison.Ordinal);
    }
}
