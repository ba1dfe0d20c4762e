using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>The journal records what a step changed: the asset's state and the history entries it added, not the whole history again.</summary>
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
}
