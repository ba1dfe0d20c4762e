using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The journal records what a step changed: the asset's state with the history entries it added, and each round's
/// state with the changes it added, not the whole history or every earlier postponement again.
/// </summary>
public sealed class LeanJournalTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task An_audit_entry_and_an_event_carry_only_the_history_their_step_added()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        Assert.True(p.Asset.History.Count >= 4);

        var entries = (await service.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = p.Asset.Name })).Entries;
        var last = entries.Single(e => e.Rpc.EndsWith("SignAuctionContract", StringComparison.Ordinal));
        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        var after = parser.Parse<Asset>(last.AfterJson);
        Assert.Equal("SignAuctionContract", after.History.Single().Action);
        Assert.Equal(p.Asset.Etag, after.Etag);
        Assert.Empty(parser.Parse<Asset>(last.BeforeJson).History);

        var payload = await service.WithDbAsync(db => db.Events.Where(e => e.Resource == p.Asset.Name).OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync());
        Assert.Equal("SignAuctionContract", Google.Protobuf.WellKnownTypes.Any.Parser.ParseFrom(payload[^1]).Unpack<Asset>().History.Single().Action);
    }

    [Fact]
    public async Task A_postponement_journals_only_the_round_change_it_added_for_the_asset_and_for_the_round()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        foreach (var (reason, day) in new[] { ("first", 16), ("second", 17), ("third", 18) })
        {
            await p.Step(
                new PostponeAuctionRoundRequest { Reason = reason, Plan = PipelineDriver.Plan(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, day), 100_000_000) },
                async r => (await p.Client.PostponeAuctionRoundAsync(r)).Asset);
        }

        var round = Assert.Single(p.Asset.Rounds);
        Assert.Equal(["first", "second", "third"], round.Changes.Select(c => c.Reason));
        var parser = new JsonParser(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));
        var audit = service.Audit();

        var assetEntry = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = p.Asset.Name })).Entries.Last(e => e.Rpc.EndsWith("PostponeAuctionRound", StringComparison.Ordinal));
        Assert.Equal("third", Assert.Single(Assert.Single(parser.Parse<Asset>(assetEntry.AfterJson).Rounds).Changes).Reason);
        Assert.Empty(Assert.Single(parser.Parse<Asset>(assetEntry.BeforeJson).Rounds).Changes);

        var roundEntries = (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = round.Name })).Entries.Where(e => e.Rpc.EndsWith("PostponeAuctionRound", StringComparison.Ordinal)).ToList();
        Assert.Equal(["first", "second", "third"], roundEntries.Select(e => Assert.Single(parser.Parse<AuctionRound>(e.AfterJson).Changes).Reason));
        Assert.All(roundEntries, e => Assert.Empty(parser.Parse<AuctionRound>(e.BeforeJson).Changes));
        Assert.Equal(new DateOnly(2026, 12, 18).Day, parser.Parse<AuctionRound>(roundEntries[^1].AfterJson).AuctionDate.Day);

        var payloads = await service.WithDbAsync(db => db.Events.Where(e => e.Resource == round.Name).OrderBy(e => e.Sequence).Select(e => e.Payload).ToListAsync());
        var rounds = payloads.Select(b => Google.Protobuf.WellKnownTypes.Any.Parser.ParseFrom(b).Unpack<AuctionRound>()).ToList();
        Assert.Empty(rounds[0].Changes); // scheduled
        Assert.Equal(["first", "second", "third"], rounds.Skip(1).Select(r => Assert.Single(r.Changes).Reason));

        // The reads still show every change.
        var stored = (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset;
        Assert.Equal(["first", "second", "third"], Assert.Single(stored.Rounds).Changes.Select(c => c.Reason));
    }
}
