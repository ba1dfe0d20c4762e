using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Kind = AssetAuction.Contracts.V1.TimeLimit.Types.Kind;
using State = AssetAuction.Contracts.V1.Asset.Types.State;

namespace AssetAuction.IntegrationTests;

/// <summary>Re-valuation (LTHADS 99). Each branch has its own host: the fake clock only moves forward.</summary>
public sealed class RevaluationBranchTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Revaluation_is_allowed_once_within_five_working_days_of_the_notice_and_sets_the_starting_price()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        RequestRevaluationRequest Request(DateOnly on) => new() { RequestedBy = "Nguyễn Văn A (debtor)", RequestDate = D(on) };

        // Notified Monday 23 November: the window ends Monday 30 November.
        var late = p.Asset;
        p.Today(new DateOnly(2026, 12, 1));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REVALUATION_WINDOW_CLOSED", () => p.Step(Request(new DateOnly(2026, 12, 1)), async r => (await p.Client.RequestRevaluationAsync(r)).Asset));
        await p.Step(Request(new DateOnly(2026, 11, 30)), async r => (await p.Client.RequestRevaluationAsync(r)).Asset);
        Appraisal Revalued() => new() { OrganizationName = "Công ty TĐG B", ContractNumber = "TĐG-02", ContractDate = D(2026, 11, 30), Price = 1_150_000_000, CertificateNumber = "CT-02", CertificateDate = D(2026, 12, 1) };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP",
            () => p.Step(new RecordRevaluationRequest { Appraisal = Revalued(), NotifiedDate = D(2026, 11, 30) }, async r => (await p.Client.RecordRevaluationAsync(r)).Asset));
        await p.Step(new RecordRevaluationRequest
        {
            Appraisal = Revalued(),
        }, async r => (await p.Client.RecordRevaluationAsync(r)).Asset);

        Assert.Equal(1_150_000_000, p.Asset.StartingPrice);
        Assert.True(p.Asset.Valuations.Last().Revaluation);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REVALUATION_NOT_ALLOWED", () => p.Step(Request(new DateOnly(2026, 12, 1)), async r => (await p.Client.RequestRevaluationAsync(r)).Asset));
        Assert.NotEqual(late.Etag, p.Asset.Etag);
    }

}

/// <summary>Debts to the state budget (LTHADS 104.4) and the return to the debtor (104.3).</summary>
public sealed class StateBudgetBranchTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_state_budget_debt_lets_the_officer_reduce_at_once_and_after_three_failures_a_price_at_or_below_the_costs_goes_back_to_the_debtor()
    {
        var p = await PipelineDriver.SeizeAsync(service, adjust: r => r.EnforcementCase.StateBudgetDebt = true);
        Assert.True(p.Asset.Seizure.EnforcementCase.StateBudgetDebt);
        await p.ValueAsync(50_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        var failed = await p.FailRoundPostedOnAsync(new DateOnly(2026, 11, 23));
        Assert.Contains("104.4", p.Limit(Kind.PriceReduction).Basis, StringComparison.Ordinal);

        // The officer decides on the day of the failure: no waiting for the parties (LTHADS 104.4).
        await p.ReduceAsync(45_000_000, failed, agreed: false);
        ReturnToDebtorRequest Return(DateOnly on, long costs) => new() { ReturnedOn = D(on), EnforcementCosts = costs, Reason = "Creditor refused the asset" };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "RETURN_TO_DEBTOR_TOO_EARLY", () => p.Step(Return(failed, 60_000_000), async r => (await p.Client.ReturnToDebtorAsync(r)).Asset));

        failed = await p.FailRoundPostedOnAsync(failed);
        await p.ReduceAsync(40_500_000, failed, agreed: false);
        failed = await p.FailRoundPostedOnAsync(failed);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PRICE_ABOVE_ENFORCEMENT_COSTS", () => p.Step(Return(failed, 40_499_999), async r => (await p.Client.ReturnToDebtorAsync(r)).Asset));
        await p.Step(Return(failed, 40_500_000), async r => (await p.Client.ReturnToDebtorAsync(r)).Asset);

        Assert.Equal(State.ReturnedToDebtor, p.Asset.State);
        Assert.Equal(40_500_000, p.Asset.ReturnedToDebtor.LastStartingPrice);
    }
}

/// <summary>Cancellation of a sold result (LTHADS 102).</summary>
public sealed class CancelledResultBranchTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_cancelled_result_sends_the_asset_back_to_be_auctioned_again()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 9));
        await p.SellAsync(1_000_000_000, 100_000_000);
        await p.PayAsync(900_000_000, new DateOnly(2026, 12, 9));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP",
            () => p.Step(new CancelAuctionResultRequest { Grounds = "court", CancellationDate = D(2026, 12, 8) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset));
        await p.Step(new CancelAuctionResultRequest { Grounds = "Bản án 12/2026/DS-PT hủy kết quả đấu giá", CancellationDate = D(2026, 12, 9) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset);

        Assert.Equal(State.ReadyForAuction, p.Asset.State);
        Assert.Null(p.Asset.Sale);
        Assert.Contains("1000000000 dong to refund", p.Asset.History.Last().Note, StringComparison.Ordinal);
        Assert.Equal(TimeLimit.Types.State.Cancelled, p.Limit(Kind.Handover).State);
        Assert.Equal(TimeLimit.Types.State.Open, p.Limit(Kind.AuctionHeld).State);
    }

}

/// <summary>Every step goes through the foundation's conventions.</summary>
public sealed class PipelineConventionTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_step_with_a_stale_etag_or_on_another_offices_asset_changes_nothing()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var stale = p.Asset.Etag;
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var organization = await p.RegisterOrganizationAsync();

        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH", () => p.Client.SignAuctionContractAsync(new SignAuctionContractRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = p.Asset.Name, Etag = stale, Organization = organization, ContractNumber = "1", ContractDate = D(2026, 11, 23),
        }).ResponseAsync);
        var other = new PipelineService.PipelineServiceClient(service.Channel(service.Token("case_management", TestData.OtherOffice)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.RequestRevaluationAsync(new RequestRevaluationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = p.Asset.Name, Etag = p.Asset.Etag, RequestedBy = "x", RequestDate = D(2026, 11, 23),
        }).ResponseAsync);
        Assert.Equal(p.Asset, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset);
    }
}

/// <summary>The government's calendar decisions come from configuration and move the due dates.</summary>
public sealed class CalendarOverrideTests : IDisposable
{
    private readonly ServiceFactory _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task An_extra_day_off_in_configuration_moves_a_working_day_due_date()
    {
        using var factory = _service.WithWebHostBuilder(b =>
        {
            b.UseSetting("Calendar:Years:0:Year", "2026");
            b.UseSetting("Calendar:Years:0:ExtraDaysOff:0:Date", "2026-11-24");
            b.UseSetting("Calendar:Years:0:ExtraDaysOff:0:Name", "Day off decided by the government");
        });
        var client = new SeizureService.SeizureServiceClient(ServiceFactory.ChannelTo(factory, _service.Token("case_management", TestData.Office)));

        var asset = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];

        // Seized Friday 20 November: 5 working days end on 27 November, one later with 24 November off.
        Assert.Equal(D(2026, 11, 30), asset.TimeLimits.Single(t => t.Kind == Kind.ValuationContract).DueDate);
    }
}

/// <summary>The parties' agreed price, and the debtor paying in time to keep an asset the creditor would take.</summary>
public sealed class AgreedPriceAndDebtorKeepsTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task An_agreed_price_becomes_the_starting_price_and_the_debtor_keeps_the_asset_by_paying_in_time()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.Step(new RecordValuationRequest { AgreedPrice = new AgreedPrice { Price = 500_000_000, AgreementNumber = "TT-01", AgreementDate = D(2026, 11, 21) } }, async r => (await p.Client.RecordValuationAsync(r)).Asset);
        Assert.Equal(500_000_000, p.Asset.StartingPrice);
        Assert.Equal(Valuation.Types.Method.Agreed, p.Asset.Valuations.Single().Method);

        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        var failed = await p.FailRoundPostedOnAsync(new DateOnly(2026, 11, 23));
        await p.ReduceAsync(450_000_000, failed);
        failed = await p.FailRoundPostedOnAsync(failed);
        await p.ReduceAsync(405_000_000, failed);
        failed = await p.FailRoundPostedOnAsync(failed);
        await p.Step(new AcceptCreditorTakeoverRequest { Creditor = new Party { Type = Party.Types.Type.Organization, FullName = "Ngân hàng X" }, AcceptedOn = D(failed), DebtorNotifiedOn = D(failed) }, async r => (await p.Client.AcceptCreditorTakeoverAsync(r)).Asset);

        await p.Step(new RecordDebtorKeepsAssetRequest { PaidOn = D(failed), ObligationAndCosts = 700_000_000, Reference = "UNC-77" }, async r => (await p.Client.RecordDebtorKeepsAssetAsync(r)).Asset);

        Assert.Equal(State.Redeemed, p.Asset.State);
        Assert.True(p.Asset.Redemption.DuringCreditorTakeover);
        Assert.Equal(TimeLimit.Types.State.Met, p.Limit(Kind.DebtorKeepsAsset).State);
    }
}

/// <summary>Guards against steps that would bend the law: backdated notices, late payments, a deposit not as scheduled.</summary>
public sealed class PipelineGuardTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_notice_posted_before_the_contract_or_a_payment_after_the_due_date_or_an_unscheduled_deposit_is_refused()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var organization = await p.RegisterOrganizationAsync();
        await p.ContractAsync(organization, new DateOnly(2026, 11, 23));

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP", () => p.ScheduleAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 25)));

        // The window ran out? A new contract starts a new one.
        await p.ContractAsync(organization, new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 9));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DEPOSIT_NOT_AS_SCHEDULED", () => p.SellAsync(1_000_000_000, 1_000_000_000));
        await p.SellAsync(1_000_000_000, 100_000_000);

        p.Today(new DateOnly(2027, 1, 20));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYMENT_PERIOD_OVER", () => p.PayAsync(900_000_000, new DateOnly(2027, 1, 20)));
        await p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(2027, 1, 20), RefusedInWriting = false, Reason = "not paid" }, async r => (await p.Client.RecordBuyerDefaultAsync(r)).Asset);
        Assert.Equal(1_000_000_000, p.Asset.PastSales.Single().Price);
        Assert.Null(p.Asset.Handover);
    }

    [Fact]
    public async Task A_co_owner_who_does_not_pay_sends_the_asset_back_to_the_auction_contract_step()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.Step(new RecordCoOwnerOfferRequest
        {
            Answers = { new CoOwnerAnswer { CoOwnerName = "Trần Thị B", Accepted = true, AnswerDate = D(2026, 11, 23) } },
            SaleDate = D(2026, 11, 23),
        }, async r => (await p.Client.RecordCoOwnerOfferAsync(r)).Asset);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DATE_BEFORE_PREVIOUS_STEP",
            () => p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(2026, 11, 20), RefusedInWriting = true, Reason = "withdrew in writing" }, async r => (await p.Client.RecordBuyerDefaultAsync(r)).Asset));
        await p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(2026, 11, 23), RefusedInWriting = true, Reason = "withdrew in writing" }, async r => (await p.Client.RecordBuyerDefaultAsync(r)).Asset);

        Assert.Equal(State.Valued, p.Asset.State);
        Assert.Equal(ForfeitedDeposit.Types.Recipient.StateBudget, p.Asset.ForfeitedDeposits.Single().Recipient);
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        Assert.Equal(State.AuctionScheduled, p.Asset.State);
    }
}

/// <summary>Co-owners buy first: the first auction of a co-owned asset waits for their answers or their window (LTHADS 74.3).</summary>
public sealed class CoOwnerPriorityTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_first_auction_of_a_co_owned_parcel_waits_until_every_co_owner_declined()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.Step(new SignAuctionContractRequest { Organization = await p.RegisterOrganizationAsync(), ContractNumber = "HĐ-1", ContractDate = D(2026, 11, 23) }, async r => (await p.Client.SignAuctionContractAsync(r)).Asset);

        var pending = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CO_OWNER_PRIORITY_PENDING", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9)));
        Assert.Equal("2027-02-23", pending.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata["window_end"]); // 3 months after the notice

        await p.DeclineCoOwnersAsync(new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        Assert.Equal(State.AuctionScheduled, p.Asset.State);
    }
}
