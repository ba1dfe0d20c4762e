using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Kind = AssetAuction.Contracts.V1.TimeLimit.Types.Kind;
using LimitState = AssetAuction.Contracts.V1.TimeLimit.Types.State;
using State = AssetAuction.Contracts.V1.Asset.Types.State;

namespace AssetAuction.IntegrationTests;

/// <summary>The whole legal path of a land parcel sold at its first auction, with every time limit computed and met.</summary>
public sealed class SoldAtFirstAuctionScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_parcel_is_valued_contracted_auctioned_paid_handed_over_and_its_transfer_file_sent()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        Assert.Equal(D(2026, 11, 27), p.Limit(Kind.ValuationContract).DueDate); // 5 working days after Friday 20 November

        await p.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 23));
        Assert.Equal(State.Valued, p.Asset.State);
        Assert.Equal(2_000_000_000, p.Asset.StartingPrice);
        Assert.Equal(LimitState.Met, p.Limit(Kind.ValuationContract).State);
        Assert.Equal(D(2026, 12, 3), p.Limit(Kind.AuctionContract).DueDate); // 10 days

        var organization = await p.RegisterOrganizationAsync();
        p.Today(new DateOnly(2026, 11, 24));
        await p.ContractAsync(organization, new DateOnly(2026, 11, 24));
        Assert.Equal(State.ReadyForAuction, p.Asset.State);
        Assert.Equal(D(2027, 1, 8), p.Limit(Kind.AuctionHeld).DueDate); // 45 days after 24 November

        await p.ScheduleAsync(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 15), deposit: 200_000_000);
        Assert.Equal(State.AuctionScheduled, p.Asset.State);
        Assert.Equal(1, p.Asset.Rounds.Single().Number);

        p.Today(new DateOnly(2026, 12, 15));
        await p.SellAsync(2_150_000_000, 200_000_000);
        Assert.Equal(State.Sold, p.Asset.State);
        Assert.Equal(1_950_000_000, p.Asset.Sale.Balance);
        Assert.Equal(D(2027, 1, 14), p.Asset.Sale.PaymentDueDate); // 30 days after the auction

        p.Today(new DateOnly(2026, 12, 21));
        await p.PayAsync(1_000_000_000, new DateOnly(2026, 12, 18));
        Assert.Equal(State.Sold, p.Asset.State);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYMENT_EXCEEDS_BALANCE", () => p.PayAsync(1_000_000_000, new DateOnly(2026, 12, 21)));
        await p.PayAsync(950_000_000, new DateOnly(2026, 12, 21));
        Assert.Equal(State.Paid, p.Asset.State);
        Assert.Equal(0, p.Asset.Sale.Balance);
        Assert.Equal(D(2027, 2, 19), p.Limit(Kind.Handover).DueDate); // 60 days after 21 December

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "HANDOVER_BEYOND_TIME_LIMIT",
            () => p.Step(new ScheduleHandoverRequest { HandoverDate = D(2027, 3, 1) }, async r => (await p.Client.ScheduleHandoverAsync(r)).Asset));
        await p.Step(new ScheduleHandoverRequest { HandoverDate = D(2027, 1, 12) }, async r => (await p.Client.ScheduleHandoverAsync(r)).Asset);
        p.Today(new DateOnly(2027, 1, 12));
        await p.Step(new RecordHandoverRequest { HandoverDate = D(2027, 1, 12), MinutesNumber = "BB-GTS-01", PoliceSupport = true }, async r => (await p.Client.RecordHandoverAsync(r)).Asset);
        Assert.Equal(State.HandedOver, p.Asset.State);
        Assert.True(p.Asset.Handover.PoliceSupport);
        Assert.Equal(D(2027, 1, 22), p.Limit(Kind.LandTransferFile).DueDate); // Decree 152/2026 art. 69: 10 days

        p.Today(new DateOnly(2027, 1, 15));
        await p.Step(new RecordLandDocumentsSentRequest { SentOn = D(2027, 1, 15), LandRegistrationOffice = "Văn phòng đăng ký đất đai Hà Nội" }, async r => (await p.Client.RecordLandDocumentsSentAsync(r)).Asset);

        Assert.Equal(State.HandedOver, p.Asset.State);
        Assert.All(p.Asset.TimeLimits.Where(t => t.Kind != Kind.PaymentToCreditors), t => Assert.Equal(LimitState.Met, t.State));
        Assert.Equal(LimitState.Open, p.Limit(Kind.PaymentToCreditors).State);
        Assert.Equal(p.Asset, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name })).Asset);
        Assert.Equal(
            ["RegisterSeizure", "RecordValuation", "RecordCoOwnerOffer", "SignAuctionContract", "ScheduleAuctionRound", "RecordAuctionResult", "RecordWinnerPayment", "RecordWinnerPayment", "ScheduleHandover", "RecordHandover", "RecordLandDocumentsSent"],
            p.Asset.History.Select(h => h.Action));
    }
}

/// <summary>A schedule that breaks the law is refused with the specific reason, and nothing changes.</summary>
public sealed class ScheduleRefusalScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Too_short_a_notice_a_date_beyond_the_window_and_a_deposit_outside_5_to_20_percent_are_each_refused()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        var ready = p.Asset;

        // Real estate needs 15 days' notice: posted 23 November, the earliest auction day is 9 December.
        var notice = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "NOTICE_PERIOD_TOO_SHORT", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 5)));
        Assert.Equal("2026-12-08", notice.GetDetail<ErrorInfo>()!.Metadata["earliest_auction_date"]); // 15 days counted back from the auction (BLDS 147-148)
        Assert.Equal("NOTICE_PERIOD_TOO_SHORT", notice.GetDetail<PreconditionFailure>()!.Violations.Single().Type);

        var window = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "AUCTION_WINDOW_EXCEEDED", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2027, 1, 20)));
        Assert.Equal("2027-01-07", window.GetDetail<ErrorInfo>()!.Metadata["latest_auction_date"]);

        var low = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DEPOSIT_OUT_OF_RANGE", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 10), deposit: 49_999_999));
        Assert.Equal("50000000", low.GetDetail<ErrorInfo>()!.Metadata["minimum"]);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DEPOSIT_OUT_OF_RANGE", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 10), deposit: 200_000_001));

        Assert.Equal(ready, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = ready.Name })).Asset);
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9), deposit: 50_000_000);
        Assert.Equal(State.AuctionScheduled, p.Asset.State);
    }

    [Fact]
    public async Task Scheduling_before_valuation_or_contract_says_what_is_missing()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "VALUATION_REQUIRED", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 10), deposit: 1));
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "AUCTION_CONTRACT_REQUIRED", () => p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 10)));
    }
}

/// <summary>Two failed auctions, two reductions within the 10% cap, then a sale (LTHADS 104).</summary>
public sealed class FailedTwiceThenSoldScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task After_two_failures_and_two_reductions_the_third_round_sells()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(2_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));

        var first = await p.FailRoundPostedOnAsync(new DateOnly(2026, 11, 23));
        Assert.Equal(State.AuctionFailed, p.Asset.State);
        Assert.Equal(new DateOnly(2026, 12, 9), first);

        // 10 days after 9 December is Saturday 19 December: the parties' period ends on Monday 21 (BLDS 148);
        // the officer decides the next working day.
        Assert.Equal(D(2026, 12, 22), p.Limit(Kind.PriceReduction).DueDate);
        Assert.Equal(D(2026, 12, 11), p.Limit(Kind.FailureNotice).DueDate); // Decree 152/2026: the parties told within 2 working days

        // The officer may not decide while the parties still have their 10 days; and at most 10% off.
        var early = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PARTIES_STILL_DECIDING", () => p.ReduceAsync(1_800_000_000, first, agreed: false));
        Assert.Equal("2026-12-21", early.GetDetail<ErrorInfo>()!.Metadata["parties_until"]);
        var tooMuch = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REDUCTION_TOO_LARGE", () => p.ReduceAsync(1_799_999_999, first));
        Assert.Equal("1800000000", tooMuch.GetDetail<ErrorInfo>()!.Metadata["minimum_price"]);
        await p.ReduceAsync(1_800_000_000, first);
        Assert.Equal(State.ReadyForAuction, p.Asset.State);
        Assert.Equal(TimeLimit.Types.State.Met, p.Limit(Kind.FailureNotice).State);

        var second = await p.FailRoundPostedOnAsync(first);
        var officerDay = second.AddDays(11);
        p.Today(officerDay);
        await p.ReduceAsync(1_620_000_000, officerDay, agreed: false);
        Assert.Equal(TimeLimit.Types.State.Met, p.Asset.TimeLimits.Last(t => t.Kind == Kind.PriceReduction).State);

        await p.ScheduleAsync(officerDay, officerDay.AddDays(16));
        p.Today(officerDay.AddDays(16));
        await p.SellAsync(1_650_000_000, 162_000_000);

        Assert.Equal(State.Sold, p.Asset.State);
        Assert.Equal([1, 2, 3], p.Asset.Rounds.Select(r => r.Number));
        Assert.Equal([AuctionRound.Types.State.Failed, AuctionRound.Types.State.Failed, AuctionRound.Types.State.Sold], p.Asset.Rounds.Select(r => r.State));
        Assert.Equal([2_000_000_000L, 1_800_000_000L, 1_620_000_000L], p.Asset.Rounds.Select(r => r.StartingPrice));
        Assert.Equal([true, false], p.Asset.PriceReductions.Select(r => r.AgreedByParties));
    }
}

/// <summary>From the third failed auction the creditor may take the asset; the debtor's time runs first (LTHADS 104.2; Decree 152/2026 art. 65.6).</summary>
public sealed class CreditorTakesTheAssetScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_creditor_takes_the_asset_after_the_debtor_lets_its_time_pass()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        var failed = await p.FailRoundPostedOnAsync(new DateOnly(2026, 11, 23));
        await p.ReduceAsync(900_000_000, failed);
        failed = await p.FailRoundPostedOnAsync(failed);

        var tooEarly = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CREDITOR_TAKEOVER_TOO_EARLY",
            () => p.Step(new AcceptCreditorTakeoverRequest { Creditor = Bank(), AcceptedOn = D(failed), DebtorNotifiedOn = D(failed) }, async r => (await p.Client.AcceptCreditorTakeoverAsync(r)).Asset));
        Assert.Equal("2", tooEarly.GetDetail<ErrorInfo>()!.Metadata["failed_rounds"]);

        await p.ReduceAsync(810_000_000, failed);
        failed = await p.FailRoundPostedOnAsync(failed);
        await p.Step(new AcceptCreditorTakeoverRequest { Creditor = Bank(), AcceptedOn = D(failed), DebtorNotifiedOn = D(failed) }, async r => (await p.Client.AcceptCreditorTakeoverAsync(r)).Asset);
        Assert.Equal(State.CreditorTakeoverPending, p.Asset.State);
        Assert.Equal(810_000_000, p.Asset.CreditorTakeover.Value);
        var debtorDeadline = p.Asset.CreditorTakeover.DebtorDeadline;
        Assert.Equal(debtorDeadline, p.Limit(Kind.DebtorKeepsAsset).DueDate);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "DEBTOR_PERIOD_RUNNING",
            () => p.Step(new CompleteCreditorTakeoverRequest { HandedOverOn = D(failed), MinutesNumber = "BB-GCN" }, async r => (await p.Client.CompleteCreditorTakeoverAsync(r)).Asset));
        var after = new DateOnly(debtorDeadline.Year, debtorDeadline.Month, debtorDeadline.Day).AddDays(1);
        p.Today(after);
        await p.Step(new CompleteCreditorTakeoverRequest { HandedOverOn = D(after), MinutesNumber = "BB-GCN" }, async r => (await p.Client.CompleteCreditorTakeoverAsync(r)).Asset);

        Assert.Equal(State.TakenByCreditor, p.Asset.State);
        Assert.DoesNotContain(p.Asset.TimeLimits, t => t.State == LimitState.Open);
    }

    private static Party Bank() => new() { Type = Party.Types.Type.Organization, FullName = "Ngân hàng TMCP X" };
}

/// <summary>The debtor redeems the asset up to one working day before the auction (LTHADS 101.5).</summary>
public sealed class DebtorRedeemsScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task On_the_auction_day_it_is_too_late_but_the_working_day_before_the_debtor_redeems_and_the_parcel_is_free()
    {
        var parcel = TestData.Unique();
        var p = await PipelineDriver.SeizeAsync(service, TestData.Land(parcel));
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        RedeemAssetRequest Redeem(DateOnly on) => new() { PaidOn = D(on), ObligationAndCosts = 1_250_000_000, BidderCostsReimbursed = 3_000_000, Reference = "UNC-TRA-01" };

        p.Today(new DateOnly(2026, 12, 15));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REDEMPTION_TOO_LATE", () => p.Step(Redeem(new DateOnly(2026, 12, 15)), async r => (await p.Client.RedeemAssetAsync(r)).Asset));
        await p.Step(Redeem(new DateOnly(2026, 12, 14)), async r => (await p.Client.RedeemAssetAsync(r)).Asset);

        Assert.Equal(State.Redeemed, p.Asset.State);
        Assert.Equal(AuctionRound.Types.State.Cancelled, p.Asset.Rounds.Single().State);
        var books = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        var balances = await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name });
        Assert.Equal(
            [(LedgerAccount.Custody, 1_250_000_000L), (LedgerAccount.RedemptionReceipts, -1_250_000_000L)],
            balances.Balances.Select(b => (b.Account, b.Amount)));

        // The redemption money is distributed to the case's creditors like sale proceeds.
        var registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        await registrar.RegisterObligationAsync(new RegisterObligationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Obligation = new Obligation
            {
                Office = TestData.Office, CaseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber, CreditorId = "C1", Creditor = TestData.Person("Creditor"),
                Owed = 1_200_000_000, Category = Obligation.Types.Category.Other, HolderIsJudgmentCreditor = true, RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ",
            },
        });
        var maker = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office, subject: "maker")));
        var checker = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office, subject: "checker")));
        var prepared = (await maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Computation = new ComputeDistributionRequest { Asset = p.Asset.Name, EnforcementCosts = 50_000_000, Decision = "45/QĐ", DecisionDate = D(2026, 10, 1), PaymentDate = D(2026, 12, 15) },
        })).Plan;
        Assert.Equal(1_250_000_000, prepared.Plan.Collected);
        Assert.Equal(1_200_000_000, prepared.Plan.Creditors.Single().Share);
        await checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag });
        var allocated = (await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name })).Balances;
        Assert.DoesNotContain(allocated, b => b.Account == LedgerAccount.RedemptionReceipts);
        Assert.Contains(allocated, b => b.Account == LedgerAccount.CreditorsPayable && b.CreditorId == "C1");
        Assert.DoesNotContain(p.Asset.TimeLimits, t => t.State == LimitState.Open);
        await service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)));
    }
}

/// <summary>A winner who does not pay loses the deposit and the asset goes back to auction (ND62 27.3, 27.5; Decree 152/2026 art. 65.5).</summary>
public sealed class WinnerDefaultsScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_winner_defaults_the_deposit_is_forfeited_to_the_agency_and_the_asset_is_auctioned_again()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 15));
        p.Today(new DateOnly(2026, 12, 15));
        await p.SellAsync(1_100_000_000, 100_000_000);

        // The 2026 rules allow extending the payment time by agreement up to 60 days, no further.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "EXTENSION_NOT_ALLOWED",
            () => p.Step(new ExtendBuyerPaymentRequest { NewDueDate = D(2027, 2, 20), Agreement = "VB-01" }, async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset));
        await p.Step(new ExtendBuyerPaymentRequest { NewDueDate = D(2027, 1, 29), Agreement = "VB-01" }, async r => (await p.Client.ExtendBuyerPaymentAsync(r)).Asset);
        Assert.Equal(D(2027, 1, 29), p.Limit(Kind.WinnerPayment).DueDate);

        p.Today(new DateOnly(2027, 1, 20));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYMENT_NOT_YET_DUE",
            () => p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(2027, 1, 20), Reason = "not paid" }, async r => (await p.Client.RecordBuyerDefaultAsync(r)).Asset));
        p.Today(new DateOnly(2027, 2, 1));
        await p.Step(new RecordBuyerDefaultRequest { DefaultDate = D(2027, 2, 1), Reason = "Người trúng đấu giá không nộp tiền" }, async r => (await p.Client.RecordBuyerDefaultAsync(r)).Asset);

        Assert.Equal(State.ReadyForAuction, p.Asset.State);

        // The books: the deposit stays in custody, owed now to the agency's fund, not to the creditors.
        var books = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        var balances = await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name });
        Assert.True(balances.Balanced);
        Assert.Equal(
            [(LedgerAccount.Custody, 100_000_000L), (LedgerAccount.EnforcementAgencyFund, -100_000_000L)],
            balances.Balances.Select(b => (b.Account, b.Amount)));
        RecordRemittanceRequest Remit(long amount) => new()
        {
            RequestId = Guid.NewGuid().ToString(), Asset = p.Asset.Name, Account = LedgerAccount.EnforcementAgencyFund, Amount = amount, PaidOn = D(2027, 2, 1), Reference = "UNC-QUY-01",
        };
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REMITTANCE_EXCEEDS_BALANCE", () => books.RecordRemittanceAsync(Remit(100_000_001)).ResponseAsync);
        await books.RecordRemittanceAsync(Remit(100_000_000));
        Assert.Empty((await books.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = p.Asset.Name })).Balances);
        var forfeited = p.Asset.ForfeitedDeposits.Single();
        Assert.Equal(100_000_000, forfeited.Amount);
        Assert.Equal(ForfeitedDeposit.Types.Recipient.EnforcementAgency, forfeited.Recipient);
        Assert.Null(p.Asset.Sale);
        Assert.Equal(LimitState.Cancelled, p.Asset.TimeLimits.Last(t => t.Kind == Kind.WinnerPayment).State);

        await p.ScheduleAsync(new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 24));
        Assert.Equal(2, p.Asset.Rounds.Last().Number);
        Assert.Equal(1_000_000_000, p.Asset.Rounds.Last().StartingPrice);
    }
}

/// <summary>A co-owner buys the debtor's share before the first auction (ND62 27.1).</summary>
public sealed class CoOwnerBuysScenario(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_spouse_accepts_and_buys_the_debtors_half_at_half_the_starting_price()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(3_000_000_001, new DateOnly(2026, 11, 23));

        await p.Step(new RecordCoOwnerOfferRequest
        {
            Answers = { new CoOwnerAnswer { CoOwnerName = "Trần Thị B", Accepted = true, AnswerDate = D(2026, 11, 23) } },
            SaleDate = D(2026, 11, 23),
        }, async r => (await p.Client.RecordCoOwnerOfferAsync(r)).Asset);

        Assert.Equal(State.Sold, p.Asset.State);
        Assert.True(p.Asset.Sale.ToCoOwner);
        Assert.Equal("Trần Thị B", p.Asset.Sale.Buyer.FullName);
        Assert.Equal(1_500_000_001, p.Asset.Sale.Price); // 3,000,000,001 x 1/2, rounded to the nearest dong
        Assert.Equal(LimitState.Cancelled, p.Limit(Kind.AuctionContract).State);
        await p.PayAsync(1_500_000_001, new DateOnly(2026, 11, 23));
        Assert.Equal(State.Paid, p.Asset.State);
    }

    [Fact]
    public async Task Someone_who_is_not_a_co_owner_cannot_answer()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => p.Step(new RecordCoOwnerOfferRequest
        {
            Answers = { new CoOwnerAnswer { CoOwnerName = "Stranger", Accepted = true, AnswerDate = D(2026, 11, 23) } },
            SaleDate = D(2026, 11, 23),
        }, async r => (await p.Client.RecordCoOwnerOfferAsync(r)).Asset));
    }
}
