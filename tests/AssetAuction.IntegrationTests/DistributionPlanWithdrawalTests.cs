using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Category = AssetAuction.Contracts.V1.Obligation.Types.Category;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// A wrong approved plan is withdrawn before anything is paid out: its allocation is reversed on the ledger and a
/// corrected plan is prepared and approved. Once money has been paid out, the plan can no longer be withdrawn.
/// </summary>
public sealed class DistributionPlanWithdrawalTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_plan_approved_with_wrong_costs_has_allocated_the_proceeds_and_is_not_approved_twice()
    {
        var arranged = await WrongPlanApprovedAsync();

        Assert.Equal(500_000_000, arranged.Wrong.Plan.EnforcementCostsPaid);
        Assert.NotEqual(arranged.BeforeAnyPlan, await arranged.Sale.BalancesAsync());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_ALREADY_APPROVED",
            () => arranged.Sale.Checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = arranged.Wrong.Name, Etag = arranged.Wrong.Etag }).ResponseAsync);
    }

    [Fact]
    public async Task A_withdrawal_is_validated_etag_checked_office_scoped_and_for_finance_only()
    {
        var arranged = await WrongPlanApprovedAsync();
        var (maker, withdraw) = (arranged.Sale.Maker, arranged.Withdraw);

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest(withdraw) { Reason = "" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH", () => maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest(withdraw) { Etag = "999" }).ResponseAsync);
        var otherOffice = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.OtherOffice)));
        await RpcAssert.FailsAsync(StatusCode.NotFound, "DISTRIBUTION_PLAN_NOT_FOUND", () => otherOffice.WithdrawDistributionPlanAsync(withdraw).ResponseAsync);
        var officer = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => officer.WithdrawDistributionPlanAsync(withdraw).ResponseAsync);
    }

    [Fact]
    public async Task A_withdrawn_plan_says_who_withdrew_it_when_and_why()
    {
        var (arranged, withdrawn) = await WithdrawnAsync();

        Assert.Equal(StoredDistributionPlan.Types.State.Withdrawn, withdrawn.State);
        Assert.Equal("finance-maker", withdrawn.WithdrawnBy);
        Assert.Equal(arranged.Withdraw.Reason, withdrawn.WithdrawalReason);
        Assert.NotNull(withdrawn.WithdrawTime);
    }

    [Fact]
    public async Task A_retried_withdrawal_is_answered_from_the_first_call()
    {
        var (arranged, withdrawn) = await WithdrawnAsync();

        Assert.Equal(withdrawn, (await arranged.Sale.Maker.WithdrawDistributionPlanAsync(arranged.Withdraw)).Plan);
    }

    [Fact]
    public async Task Withdrawal_reverses_the_plans_allocation_and_that_reversal_is_not_itself_reversed()
    {
        var (arranged, _) = await WithdrawnAsync();

        // The books stand as before the plan.
        Assert.Equal(arranged.BeforeAnyPlan, await arranged.Sale.BalancesAsync());
        var entries = (await arranged.Sale.Maker.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { Asset = arranged.Sale.Asset, PageSize = 500 })).Entries;
        var reversal = entries.Where(e => e.Kind == "plan_withdrawn").ToList();
        Assert.NotEmpty(reversal);
        Assert.Equal(entries.Where(e => e.Kind == "plan_approved").Select(e => e.TransactionId).Distinct().Single(), reversal.Select(e => e.ReversalOf).Distinct().Single());
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_NOT_REVERSIBLE",
            () => arranged.Sale.Maker.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = reversal[0].TransactionId, Reason = "undo" }).ResponseAsync);
    }

    [Fact]
    public async Task A_withdrawn_plan_is_closed_to_withdrawal_approval_and_payouts()
    {
        var (arranged, withdrawn) = await WithdrawnAsync();
        var (maker, checker) = (arranged.Sale.Maker, arranged.Sale.Checker);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_WITHDRAWN",
            () => maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest(arranged.Withdraw) { RequestId = Guid.NewGuid().ToString(), Etag = withdrawn.Etag }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_WITHDRAWN",
            () => checker.ApproveDistributionPlanAsync(new ApproveDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = withdrawn.Name, Etag = withdrawn.Etag }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_WITHDRAWN",
            () => maker.RecordPayoutAsync(Payout(withdrawn, "A", 1)).ResponseAsync);
    }

    [Fact]
    public async Task A_corrected_plan_takes_its_place_and_once_it_has_paid_out_cannot_be_withdrawn()
    {
        var (arranged, _) = await WithdrawnAsync();

        var corrected = await arranged.Sale.ApproveAsync(await arranged.Sale.PrepareAsync(50_000_000));

        Assert.Equal(50_000_000, corrected.Plan.EnforcementCostsPaid);
        var paid = (await arranged.Sale.Maker.RecordPayoutAsync(Payout(corrected, "A", 1_000_000))).Plan;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_HAS_PAYOUTS",
            () => arranged.Sale.Maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = paid.Name, Etag = paid.Etag, Reason = "second thoughts" }).ResponseAsync);
    }

    [Fact]
    public async Task Who_withdrew_a_plan_and_why_is_on_the_audit_trail_and_the_event_feed()
    {
        var (arranged, _) = await WithdrawnAsync();
        var wrong = arranged.Wrong;

        var audit = (await new AuditService.AuditServiceClient(service.Channel(service.Token("supervisor", TestData.Office))).ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = wrong.Name })).Entries;

        Assert.Contains(audit, e => e.Rpc.EndsWith("/WithdrawDistributionPlan", StringComparison.Ordinal) && e.Subject == "finance-maker" && e.AfterJson.Contains(arranged.Withdraw.Reason, StringComparison.Ordinal));
        Assert.Equal(1, await service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == "distribution_plan.withdrawn" && e.Resource == wrong.Name)));
    }

    /// <summary>The books of a sale before any plan, a plan approved with the costs keyed wrongly, and the request that withdraws it.</summary>
    private sealed record WrongPlan(ProceedsScenario Sale, Dictionary<(LedgerAccount Account, string CreditorId), long> BeforeAnyPlan, StoredDistributionPlan Wrong, WithdrawDistributionPlanRequest Withdraw);

    /// <summary>A parcel sold for 900,000,000 and paid, owed to A (600,000,000) and B (400,000,000); its plan approved with costs of 500 million instead of 50.</summary>
    private async Task<WrongPlan> WrongPlanApprovedAsync()
    {
        var sale = await ProceedsScenario.SoldAndPaidAsync(service, 900_000_000, ("A", 600_000_000), ("B", 400_000_000));
        var beforeAnyPlan = await sale.BalancesAsync();
        var wrong = await sale.ApproveAsync(await sale.PrepareAsync(500_000_000));
        var withdraw = new WithdrawDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = wrong.Name, Etag = wrong.Etag, Reason = "Costs keyed as 500,000,000 instead of 50,000,000 (decision 45/QĐ-CC)" };
        return new WrongPlan(sale, beforeAnyPlan, wrong, withdraw);
    }

    /// <summary>As above, and the wrong plan withdrawn by the maker.</summary>
    private async Task<(WrongPlan Arranged, StoredDistributionPlan Withdrawn)> WithdrawnAsync()
    {
        var arranged = await WrongPlanApprovedAsync();
        return (arranged, (await arranged.Sale.Maker.WithdrawDistributionPlanAsync(arranged.Withdraw)).Plan);
    }

    private static RecordPayoutRequest Payout(StoredDistributionPlan plan, string creditor, long amount) => new()
    {
        RequestId = Guid.NewGuid().ToString(), Name = plan.Name, Etag = plan.Etag,
        Payout = new Payout { CreditorId = creditor, Amount = amount, PaidOn = D(2026, 12, 21), Method = Contracts.V1.Payout.Types.Method.BankTransfer, Reference = $"UNC-{creditor}-{TestData.Unique()}" },
    };
}

/// <summary>A prepared plan is withdrawn like an approved one, with nothing to reverse. Own class: the fake clock only moves forward.</summary>
public sealed class PreparedPlanWithdrawalTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_prepared_plan_that_was_never_approved_is_withdrawn_without_touching_the_ledger()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(300_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 21));
        await p.SellAsync(300_000_000, 30_000_000);
        await p.PayAsync(270_000_000, new DateOnly(2026, 12, 21));
        var maker = Finance("finance-maker");
        var prepared = (await maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Computation = new ComputeDistributionRequest { Asset = p.Asset.Name, EnforcementCosts = 10_000_000, Decision = "46/QĐ-CC", DecisionDate = D(2026, 12, 21), PaymentDate = D(2026, 12, 21) },
        })).Plan;
        var ledgerBefore = await service.WithDbAsync(db => db.LedgerEntries.CountAsync());

        var withdrawn = (await maker.WithdrawDistributionPlanAsync(new WithdrawDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Name = prepared.Name, Etag = prepared.Etag, Reason = "Prepared with last month's costs" })).Plan;

        Assert.Equal(StoredDistributionPlan.Types.State.Withdrawn, withdrawn.State);
        Assert.Equal(ledgerBefore, await service.WithDbAsync(db => db.LedgerEntries.CountAsync()));
    }

    private ProceedsService.ProceedsServiceClient Finance(string subject) =>
        new(service.Channel(service.Token("finance", TestData.Office, subject: subject)));
}

/// <summary>
/// A case with several assets: a bank holding a mortgage on another asset of the case (not a judgment creditor), and
/// a creditor who asked for enforcement after the payment date, have no claim on this asset's money and are left
/// out of its distribution instead of blocking it.
/// </summary>
public sealed class DistributionOfOneAssetOfSeveralTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Obligations_without_a_claim_on_this_payment_are_left_out()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var caseNumber = p.Asset.Seizure.EnforcementCase.CaseNumber;
        var cm = new SeizureService.SeizureServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var otherAsset = (await cm.RegisterSeizureAsync(TestData.Seizure(caseNumber: caseNumber))).Assets[0];
        var registrar = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        Task Owe(string id, long owed, DateOnly requested, string securedBy = "", bool judgmentCreditor = true) =>
            registrar.RegisterObligationAsync(new RegisterObligationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Obligation = new Obligation
                {
                    Office = TestData.Office, CaseNumber = caseNumber, CreditorId = id, Creditor = TestData.Person("Creditor " + id), Owed = owed, Category = Category.Other,
                    SecuredByAsset = securedBy, CollateralRank = securedBy.Length > 0 ? 1 : 0, HolderIsJudgmentCreditor = judgmentCreditor,
                    RequestedOn = D(requested), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01",
                },
            }).ResponseAsync;
        await Owe("A", 300_000_000, new DateOnly(2026, 9, 1));
        await Owe("MORTGAGE-ON-B", 2_000_000_000, new DateOnly(2026, 9, 1), securedBy: otherAsset.Name, judgmentCreditor: false);

        await p.ValueAsync(500_000_000, new DateOnly(2026, 11, 23));
        await p.ContractAsync(await p.RegisterOrganizationAsync(), new DateOnly(2026, 11, 23));
        await p.ScheduleAsync(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 9));
        p.Today(new DateOnly(2026, 12, 22));
        await p.SellAsync(500_000_000, 50_000_000);
        await p.PayAsync(450_000_000, new DateOnly(2026, 12, 22));
        await Owe("LATE", 100_000_000, new DateOnly(2026, 12, 22));

        var finance = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        var plan = (await finance.ComputeDistributionAsync(new ComputeDistributionRequest
        {
            Asset = p.Asset.Name, EnforcementCosts = 20_000_000, Decision = "47/QĐ-CC", DecisionDate = D(2026, 12, 21), PaymentDate = D(2026, 12, 21),
        })).Plan;

        Assert.Equal(["A"], plan.Creditors.Select(c => c.CreditorId));
        Assert.Equal(300_000_000, plan.Creditors.Single().Share);
        Assert.Equal(plan.Collected, plan.Lines.Sum(l => l.Amount));

        // Paid a day later, the late creditor shares in it.
        var later = (await finance.ComputeDistributionAsync(new ComputeDistributionRequest
        {
            Asset = p.Asset.Name, EnforcementCosts = 20_000_000, Decision = "47/QĐ-CC", DecisionDate = D(2026, 12, 21), PaymentDate = D(2026, 12, 22),
        })).Plan;
        Assert.Equal(["A", "LATE"], later.Creditors.Select(c => c.CreditorId).Order());

        // A payment date before any configured fee schedule is the caller's mistake, named on the field.
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => finance.ComputeDistributionAsync(new ComputeDistributionRequest
        {
            Asset = p.Asset.Name, EnforcementCosts = 20_000_000, Decision = "47/QĐ-CC", DecisionDate = D(2026, 12, 21), PaymentDate = D(2020, 1, 1),
        }).ResponseAsync);
        Assert.Contains("payment_date", status.ToString(), StringComparison.Ordinal);
    }
}
