using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The feed names each event for what happened, and a consumer that still filters by a former name (accepted
/// until the next release, see the README's rename table) still receives those events.
/// </summary>
public sealed class EventTypeNamesTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Steps_publish_what_happened_and_a_former_name_still_selects_its_events()
    {
        // A round postponed, then suspended.
        var changed = await PipelineDriver.SeizeAsync(service);
        await changed.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await changed.ContractAsync(await changed.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await changed.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        await changed.Step(new PostponeAuctionRoundRequest { Reason = "Đương sự khiếu nại", Plan = Plan(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 18), 100_000_000) }, async r => (await changed.Client.PostponeAuctionRoundAsync(r)).Asset);
        await changed.Step(new SuspendAuctionRoundRequest { Reason = "Tạm dừng theo yêu cầu của VKS" }, async r => (await changed.Client.SuspendAuctionRoundAsync(r)).Asset);

        // An asset sold, and the buyer's first payment.
        var sold = await PipelineDriver.SeizeAsync(service);
        await sold.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 23));
        var organization = await sold.RegisterOrganizationAsync();
        sold.Today(new DateOnly(2026, 11, 24));
        await sold.ContractAsync(organization, new DateOnly(2026, 11, 24));
        await sold.ScheduleAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 15), deposit: 200_000_000);
        sold.Today(new DateOnly(2026, 12, 15));
        await sold.SellAsync(2_150_000_000, 200_000_000);
        sold.Today(new DateOnly(2026, 12, 21));
        await sold.PayAsync(1_000_000_000, new DateOnly(2026, 12, 18));

        var all = await ReadAsync([], e => e.Resource == sold.Asset.Name && e.Type == "asset.buyer_payment_recorded");
        Assert.DoesNotContain(all, e => e.Type is "asset.record_winner_payment" or "asset.change_auction_round");
        Assert.Equal(
            ["asset.seized", "asset.valued", "asset.co_owner_offer_recorded", "asset.auction_contract_signed", "asset.auction_round_scheduled", "asset.auction_round_postponed", "asset.auction_round_suspended"],
            all.Where(e => e.Resource == changed.Asset.Name).Select(e => e.Type));
        Assert.Equal(
            ["auction_round.scheduled", "auction_round.postponed", "auction_round.suspended"],
            all.Where(e => e.Resource.StartsWith(changed.Asset.Name + "/", StringComparison.Ordinal)).Select(e => e.Type));

        // Former names, as a consumer written for them asks: the events of what they became.
        var payments = await ReadAsync(["asset.record_winner_payment"], e => e.Resource == sold.Asset.Name);
        Assert.Equal([("asset.buyer_payment_recorded", sold.Asset.Name)], payments.Select(e => (e.Type, e.Resource)));
        var roundChanges = await ReadAsync(["asset.change_auction_round"], e => e.Type == "asset.auction_round_suspended");
        Assert.Equal(["asset.auction_round_postponed", "asset.auction_round_suspended"], roundChanges.Select(e => e.Type));
        Assert.All(roundChanges, e => Assert.Equal(changed.Asset.Name, e.Resource));

        // New names select only their own; several may be asked at once.
        var postponed = await ReadAsync(["asset.auction_round_postponed", "asset.buyer_payment_recorded"], e => e.Type == "asset.buyer_payment_recorded");
        Assert.Equal(["asset.auction_round_postponed", "asset.buyer_payment_recorded"], postponed.Select(e => e.Type));
    }

    [Fact]
    public async Task A_filter_by_a_type_the_feed_does_not_publish_is_refused_naming_it()
    {
        using var cts = new CancellationTokenSource(Patience);
        using var call = service.Events(Roles.Supervisor, "").StreamEvents(new StreamEventsRequest { EventTypes = { "asset.seized", "asset.sold_by_magic" } }, cancellationToken: cts.Token);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_ARGUMENT", () => call.ResponseStream.MoveNext(cts.Token));
        Assert.Equal(["event_types[1]"], RpcAssert.Fields(status));
    }

    /// <summary>Reads the feed from the start with <paramref name="types"/> until <paramref name="last"/> arrives.</summary>
    private async Task<List<Event>> ReadAsync(string[] types, Func<Event, bool> last)
    {
        using var cts = new CancellationTokenSource(Patience);
        using var call = service.Events(Roles.Supervisor, "").StreamEvents(new StreamEventsRequest { EventTypes = { types } }, cancellationToken: cts.Token);
        var received = new List<Event>();
        while (await call.ResponseStream.MoveNext(cts.Token))
        {
            received.Add(call.ResponseStream.Current.Event);
            if (last(received[^1]))
            {
                return received;
            }
        }

        Assert.Fail("The stream ended before the expected event arrived.");
        return received;
    }
}

/// <summary>
/// Events stored before the rename take the new names (migration EventTypesNamedForWhatHappened), so the feed speaks
/// one vocabulary from sequence 1. Migrates its own database down and up, so it has a class (and database) of its own.
/// </summary>
public sealed class EventTypeMigrationTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private const string Renaming = "20261128043000_EventTypesNamedForWhatHappened";

    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Stored_events_take_the_new_names_and_a_round_change_is_told_apart_by_its_round_event()
    {
        var seized = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var migrations = await service.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()));
        var before = migrations[migrations.IndexOf(Renaming) - 1];

        // As a database of the previous release holds them: the old names, a postponement and a suspension alike.
        await service.WithDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(before);
            var next = await db.Events.MaxAsync(e => e.Sequence) + 1;
            db.Events.AddRange(
                Event(next, "asset.change_auction_round", "assets/p", "req-p"),
                Event(next + 1, "auction_round.postponed", "assets/p/auctionRounds/1", "req-p"),
                Event(next + 2, "asset.change_auction_round", "assets/s", "req-s"),
                Event(next + 3, "auction_round.suspended", "assets/s/auctionRounds/1", "req-s"),
                Event(next + 4, "asset.record_winner_payment", "assets/s", "req-w"));
            return await db.SaveChangesAsync();
        });
        Assert.Equal("asset.register_seizure", await TypeOfAsync(seized.Name));

        await service.WithDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync();
            return 0;
        });

        Assert.Equal("asset.seized", await TypeOfAsync(seized.Name));
        Assert.Equal("asset.auction_round_postponed", await TypeOfAsync("assets/p"));
        Assert.Equal(["asset.auction_round_suspended", "asset.buyer_payment_recorded"], await TypesOfAsync("assets/s"));
        Assert.Equal(0, await service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == "asset.change_auction_round" || e.Type == "asset.register_seizure")));
    }

    private static EventRecord Event(long sequence, string type, string resource, string requestId) => new()
    {
        Sequence = sequence, Type = type, Resource = resource, Office = TestData.Office, RequestId = requestId, Time = DateTimeOffset.UnixEpoch, Payload = [],
    };

    private async Task<string> TypeOfAsync(string resource) => Assert.Single(await TypesOfAsync(resource));

    private Task<List<string>> TypesOfAsync(string resource) =>
        service.WithDbAsync(db => db.Events.Where(e => e.Resource == resource).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync());
}
