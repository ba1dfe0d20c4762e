using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>An auction organization sees, follows and decides only the rounds contracted to it.</summary>
public sealed class AuctionOrganizationViewTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private AuctionOrganizationService.AuctionOrganizationServiceClient OrganizationClient(string organizationName) =>
        new(service.Channel(service.Token(Roles.AuctionOrganization, organization: organizationName["auctionOrganizations/".Length..])));

    [Fact]
    public async Task An_organization_lists_and_follows_its_rounds_as_they_are_scheduled_postponed_and_cancelled()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var mine = await p.RegisterOrganizationAsync();
        var other = await p.RegisterOrganizationAsync();
        await p.ContractAsync(mine, new DateOnly(2026, 11, 23));
        var client = OrganizationClient(mine);

        using var cts = new CancellationTokenSource(Patience);
        using var stream = client.StreamAuctionRounds(new StreamAuctionRoundsRequest(), cancellationToken: cts.Token);
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        await p.Step(new PostponeAuctionRoundRequest { Reason = "Đương sự khiếu nại", Plan = Plan(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 18), 100_000_000) }, async r => (await p.Client.PostponeAuctionRoundAsync(r)).Asset);
        await p.Step(new SuspendAuctionRoundRequest { Reason = "Tạm dừng theo yêu cầu của VKS" }, async r => (await p.Client.SuspendAuctionRoundAsync(r)).Asset);
        await p.Step(new CancelAuctionRoundRequest { Reason = "Hủy để ký lại hợp đồng" }, async r => (await p.Client.CancelAuctionRoundAsync(r)).Asset);

        var received = new List<StreamAuctionRoundsResponse>();
        while (received.Count < 4 && await stream.ResponseStream.MoveNext(cts.Token))
        {
            received.Add(stream.ResponseStream.Current);
        }

        Assert.Equal(["auction_round.scheduled", "auction_round.postponed", "auction_round.suspended", "auction_round.cancelled"], received.Select(r => r.Type));
        Assert.All(received, r => Assert.Equal(mine, r.Round.Organization));
        Assert.Equal(D(2026, 12, 18), received[1].Round.AuctionDate);
        Assert.Equal("postponed", received[1].Round.Changes.Single().Kind);

        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 20));
        var upcoming = await client.ListAuctionRoundsAsync(new ListAuctionRoundsRequest { UpcomingOnly = true });
        Assert.Equal([D(2026, 12, 20)], upcoming.Rounds.Select(r => r.AuctionDate));
        Assert.Equal(p.Asset.Description, upcoming.Rounds[0].AssetDescription);
        var all = await client.ListAuctionRoundsAsync(new ListAuctionRoundsRequest { PageSize = 1 });
        var second = await client.ListAuctionRoundsAsync(new ListAuctionRoundsRequest { PageSize = 1, PageToken = all.NextPageToken });
        Assert.Equal(2, all.Rounds.Count + second.Rounds.Count);
        Assert.Empty((await OrganizationClient(other).ListAuctionRoundsAsync(new ListAuctionRoundsRequest())).Rounds);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => OrganizationClient(other).ListAuctionRoundsAsync(new ListAuctionRoundsRequest { Organization = mine }).ResponseAsync);
        var supervisor = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("supervisor", TestData.Office)));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => supervisor.ListAuctionRoundsAsync(new ListAuctionRoundsRequest()).ResponseAsync);
        Assert.NotEmpty((await supervisor.ListAuctionRoundsAsync(new ListAuctionRoundsRequest { Organization = mine })).Rounds);
    }

    [Fact]
    public async Task An_organization_records_the_result_of_its_own_round_but_nobody_elses_and_nothing_else()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var mine = await p.RegisterOrganizationAsync();
        var other = await p.RegisterOrganizationAsync();
        await p.ContractAsync(mine, new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 10));
        p.Today(new DateOnly(2026, 12, 10));
        PipelineService.PipelineServiceClient As(string organization) => new(service.Channel(service.Token(Roles.AuctionOrganization, organization: organization["auctionOrganizations/".Length..])));
        RecordAuctionResultRequest Sold() => new()
        {
            RequestId = Guid.NewGuid().ToString(), Name = p.Asset.Name, Etag = p.Asset.Etag,
            Sold = new SoldResult { Winner = TestData.Person("Người mua"), WinningPrice = 1_200_000_000, DepositPaid = 100_000_000 },
        };

        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => As(other).RecordAuctionResultAsync(Sold()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => As(mine).ReducePriceAsync(new ReducePriceRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = p.Asset.Name, Etag = p.Asset.Etag, NewStartingPrice = 1, DecisionNumber = "x", DecisionDate = D(2026, 12, 10),
        }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => new SeizureService.SeizureServiceClient(service.Channel(service.Token(Roles.AuctionOrganization, organization: mine["auctionOrganizations/".Length..])))
            .GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name }).ResponseAsync);

        var sold = (await As(mine).RecordAuctionResultAsync(Sold())).Asset;

        Assert.Equal(Asset.Types.State.Sold, sold.State);
        var entry = (await service.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = sold.Name })).Entries.Last();
        Assert.Equal(Roles.AuctionOrganization, entry.Role);
        Assert.Equal(mine["auctionOrganizations/".Length..], entry.Office);
    }

    [Fact]
    public async Task A_licence_number_is_registered_once()
    {
        var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token(Roles.CaseManagement, TestData.Office)));
        var organization = new AuctionOrganization { DisplayName = "Công ty ĐG C", LicenceNumber = "DG-ONCE-" + TestData.Unique(), Address = "HN", Contact = "0900" };
        var first = await client.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest { RequestId = Guid.NewGuid().ToString(), Organization = organization });

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "LICENCE_ALREADY_REGISTERED",
            () => client.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest { RequestId = Guid.NewGuid().ToString(), Organization = organization }).ResponseAsync);
        Assert.Equal(first.Organization, (await client.GetAuctionOrganizationAsync(new GetAuctionOrganizationRequest { Name = first.Organization.Name })).Organization);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "AUCTION_ORGANIZATION_NOT_FOUND",
            () => OrganizationClient("auctionOrganizations/someoneelse").GetAuctionOrganizationAsync(new GetAuctionOrganizationRequest { Name = first.Organization.Name }).ResponseAsync);
    }
}
