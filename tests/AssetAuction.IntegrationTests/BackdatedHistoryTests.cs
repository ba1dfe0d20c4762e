using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Deadlines;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Kind = AssetAuction.Contracts.V1.TimeLimit.Types.Kind;
using LimitState = AssetAuction.Contracts.V1.TimeLimit.Types.State;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The backlog taken as it was (issue 13): an asset seized before Tết 2026 whose history, across the 2026-07-01
/// regime switch, is entered on 23 November 2026. Each act is judged by the rules and calendar of its own legal
/// date, its time limits are computed from and closed by those dates, and what was already missed is reported once.
/// </summary>
public sealed class BackdatedHistoryTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private Task<int> CountAsync(string type, string resource) =>
        service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == type && e.Resource == resource));

    private static RecordValuationRequest Valuation(DateOnly contract, DateOnly certificate, DateOnly notified) => new()
    {
        Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = D(contract), Price = 2_000_000_000, CertificateNumber = "CT-01", CertificateDate = D(certificate) },
        NotifiedDate = D(notified),
    };

    private static Task<PipelineDriver> SeizedBeforeTetAsync(ServiceFactory service) =>
        PipelineDriver.SeizeAsync(service, adjust: r =>
        {
            // Friday 13 February 2026: the weekend and Tết (16-20 February by default) follow.
            r.SeizureDate = D(2026, 2, 13);
            r.EnforcementCase.DecisionDate = D(2026, 1, 15);
        });

    [Fact]
    public async Task A_history_entered_months_later_is_judged_by_the_rules_and_calendar_of_each_acts_date()
    {
        var today = DateOnly.FromDateTime(service.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        Assert.Equal(new DateOnly(2026, 11, 23), today);
        var p = await SeizedBeforeTetAsync(service);

        // LTHADS 98.2, 5 working days from the seizure: Tết and two weekends are skipped, so 27 February, not 20.
        var valuationContract = p.Limit(Kind.ValuationContract);
        Assert.Equal((D(2026, 2, 27), "legacy", D(2026, 2, 13)), (valuationContract.DueDate, valuationContract.RuleSet, valuationContract.OpenedOn));

        // The valuation contract of 2 March was late; the result of 10 March was notified in time.
        await p.Step(Valuation(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)), async r => (await p.Client.RecordValuationAsync(r)).Asset);
        Assert.Equal((LimitState.MetLate, D(2026, 3, 2)), (p.Limit(Kind.ValuationContract).State, p.Limit(Kind.ValuationContract).ClosedOn));
        Assert.Equal(LimitState.Met, p.Limit(Kind.ValuationNotice).State);
        Assert.Equal((D(2026, 3, 20), "legacy"), (p.Limit(Kind.AuctionContract).DueDate, p.Limit(Kind.AuctionContract).RuleSet));

        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 3, 18));
        Assert.Equal(LimitState.Met, p.Limit(Kind.AuctionContract).State);

        // A round that took place in April can be entered; a notice shorter than the law's 15 days is refused, as it was then.
        var shortNotice = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "NOTICE_PERIOD_TOO_SHORT", () => p.ScheduleAsync(new DateOnly(2026, 3, 25), new DateOnly(2026, 4, 6)));
        Assert.True(string.CompareOrdinal(shortNotice.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["earliest_auction_date"], "2026-04-08") > 0);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP", () => p.ScheduleAsync(new DateOnly(2026, 3, 17), new DateOnly(2026, 4, 6)));
        await p.ScheduleAsync(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 6));
        var scheduled = p.Asset.History[^1];
        Assert.Equal(("ScheduleAuctionRound", D(2026, 3, 20), true), (scheduled.Action, scheduled.LegalDate, scheduled.RecordedLate));
        Assert.Equal(service.Clock.GetUtcNow(), scheduled.Time.ToDateTimeOffset());

        // It failed on 6 April; the parties were told on 8 April (legacy: 5 working days).
        await p.Step(new RecordAuctionResultRequest { Failed = new FailedResult { Reason = AuctionRound.Types.FailureReason.NoBids, PartiesNotifiedOn = D(2026, 4, 8) }, Note = "Không có người đăng ký" }, async r => (await p.Client.RecordAuctionResultAsync(r)).Asset);
        Assert.Equal((LimitState.Met, "legacy", D(2026, 4, 13)), (p.Limit(Kind.FailureNotice).State, p.Limit(Kind.FailureNotice).RuleSet, p.Limit(Kind.FailureNotice).DueDate));
        Assert.Equal(D(2026, 4, 6), p.Asset.History[^1].LegalDate);

        // A decision dated in the future is refused: it has not happened.
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => p.ReduceAsync(1_800_000_000, today.AddDays(1)));

        // The reduction agreed on 20 May came after the 10 days (+1 working day) the parties had: met late.
        await p.ReduceAsync(1_800_000_000, new DateOnly(2026, 5, 20));
        var reduction = p.Limit(Kind.PriceReduction);
        Assert.Equal((LimitState.MetLate, D(2026, 4, 17), "legacy"), (reduction.State, reduction.DueDate, reduction.RuleSet));
        Assert.Equal("legacy", p.Limit(Kind.AuctionHeld).RuleSet);

        // The second round was announced under the old law and held under the new one (2 July 2026).
        await p.ScheduleAsync(new DateOnly(2026, 6, 15), new DateOnly(2026, 7, 2));
        await p.FailAsync();
        var notice2026 = p.Limit(Kind.FailureNotice);
        Assert.Equal((LimitState.Open, "2026", D(2026, 7, 6)), (notice2026.State, notice2026.RuleSet, notice2026.DueDate)); // Decree 152/2026: 2 working days
        Assert.Equal("2026", p.Limit(Kind.PriceReduction).RuleSet);
        Assert.Equal(LimitState.Met, p.Asset.TimeLimits.Single(t => t.Kind == Kind.AuctionHeld && t.OpenedOn.Equals(D(2026, 5, 20))).State);

        // Every act was keyed in months after its date: recorded late, the asset too; the seizure line carries its legal date.
        Assert.True(p.Asset.RecordedLate);
        Assert.All(p.Asset.History, h => Assert.True(h.RecordedLate, h.Action));
        Assert.Equal(D(2026, 2, 13), p.Asset.History[0].LegalDate);
    }

    [Fact]
    public async Task Limits_already_missed_when_the_history_is_entered_are_reported_once_and_shown_in_the_backlog()
    {
        var p = await SeizedBeforeTetAsync(service);
        await p.Step(Valuation(new DateOnly(2026, 2, 24), new DateOnly(2026, 3, 10), new DateOnly(2026, 3, 11)), async r => (await p.Client.RecordValuationAsync(r)).Asset);

        // The auction contract was due on 20 March 2026 and is still not signed on 23 November.
        var missed = p.Limit(Kind.AuctionContract);
        Assert.Equal((LimitState.Open, D(2026, 3, 20)), (missed.State, missed.DueDate));
        await service.SweepDeadlinesAsync();
        await service.SweepDeadlinesAsync();
        Assert.Equal(1, await CountAsync(DeadlineWatch.Missed, missed.Name));
        Assert.Equal(0, await CountAsync(DeadlineWatch.Missed, p.Limit(Kind.ValuationContract).Name));

        // Valued since 10 March (the legal date, not the day it was keyed in) and with a missed limit: in the backlog.
        var deadlines = new DeadlineService.DeadlineServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var backlog = await deadlines.ListBacklogAsync(new ListBacklogRequest { StuckForDays = 200, PageSize = 500 });
        var item = Assert.Single(backlog.Items, i => i.Asset == p.Asset.Name);
        Assert.Equal((D(2026, 3, 10), 1), (item.StateSince, item.MissedTimeLimits));
        Assert.Equal(new DateOnly(2026, 11, 23).DayNumber - new DateOnly(2026, 3, 10).DayNumber, item.DaysAtStage);
    }

    [Fact]
    public async Task Assets_with_acts_recorded_late_can_be_listed_apart_and_acts_keyed_in_promptly_are_not_marked()
    {
        var late = await SeizedBeforeTetAsync(service);
        var prompt = await PipelineDriver.SeizeAsync(service); // seized on 20 November, keyed in on 23 November
        Assert.False(prompt.Asset.RecordedLate);
        Assert.False(prompt.Asset.History[0].RecordedLate);
        Assert.Equal(D(2026, 11, 20), prompt.Asset.History[0].LegalDate);
        Assert.True(late.Asset.RecordedLate);

        var seizures = service.Seizures();
        var listed = new List<string>();
        var token = "";
        do
        {
            var page = await seizures.ListAssetsAsync(new ListAssetsRequest { RecordedLate = true, PageSize = 2, PageToken = token });
            Assert.All(page.Assets, a => Assert.True(a.RecordedLate));
            listed.AddRange(page.Assets.Select(a => a.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Contains(late.Asset.Name, listed);
        Assert.DoesNotContain(prompt.Asset.Name, listed);

        // The release decision carries its own legal date, not before the seizure.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP", () => seizures.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = late.Asset.Name, Etag = late.Asset.Etag, Reason = "QĐ giải tỏa", DecisionDate = D(2026, 2, 1),
        }).ResponseAsync);
        var released = (await seizures.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = late.Asset.Name, Etag = late.Asset.Etag, Reason = "QĐ giải tỏa", DecisionDate = D(2026, 2, 20),
        })).Asset;
        Assert.Equal(D(2026, 2, 20), released.History[^1].LegalDate);
        Assert.Equal(D(2026, 2, 20), released.TimeLimits.Single(t => t.Kind == Kind.ValuationContract).ClosedOn);
    }
}
