using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;
using Category = AssetAuction.Contracts.V1.Obligation.Types.Category;
using LineKind = AssetAuction.Contracts.V1.DistributionPlan.Types.LineKind;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The case's obligations and the statutory distribution of a sold asset's proceeds, through the real client: the
/// preview, maker and checker, and the payouts. Each test arranges its own <see cref="DistributionCase"/> (its own
/// parcel and case) up to the stage it is about.
/// </summary>
public sealed class ProceedsDistributionTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_creditor_registered_twice_on_a_case_is_refused_and_the_case_lists_each_obligation_once()
    {
        var arranged = await DistributionCase.WithCreditorsAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CREDITOR_ALREADY_REGISTERED", () => arranged.OweAsync("X", 1, Category.Other));

        var listed = await arranged.Finance.ListObligationsAsync(new ListObligationsRequest { CaseNumber = arranged.CaseNumber });
        Assert.Equal(5, listed.Obligations.Count);
    }

    [Fact]
    public async Task Proceeds_are_not_distributed_before_they_are_collected()
    {
        var arranged = await DistributionCase.WithCreditorsAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PROCEEDS_NOT_COLLECTED", () => arranged.Finance.ComputeDistributionAsync(arranged.Preview()).ResponseAsync);
    }

    [Fact]
    public async Task The_deposit_and_payments_are_held_in_custody_credited_to_the_sales_proceeds()
    {
        var arranged = await DistributionCase.SoldAndPaidAsync(service);

        var received = await arranged.BalancesAsync();

        Assert.Equal(2_000_000_000, received[(LedgerAccount.Custody, "")]);
        Assert.Equal(-2_000_000_000, received[(LedgerAccount.SaleProceeds, "")]);
    }

    [Fact]
    public async Task Proceeds_go_to_costs_first_then_the_secured_bank_then_the_tiers_to_the_last_dong()
    {
        var arranged = await DistributionCase.SoldAndPaidAsync(service);

        var plan = (await arranged.Finance.ComputeDistributionAsync(arranged.Preview())).Plan;

        Assert.Equal(2_000_000_000, plan.Collected);
        Assert.Equal(plan.Collected, plan.Lines.Sum(l => l.Amount));
        Assert.Equal(50_000_000, plan.EnforcementCostsPaid);
        var byId = plan.Creditors.ToDictionary(c => c.CreditorId);
        Assert.Equal(800_000_000, byId["BANK"].Share);                      // secured by this asset, after costs and the court fee
        Assert.Equal(100_000_000, byId["WORKER"].Share);                    // tier (a) in full
        Assert.Equal(20_000_000, byId["COURT"].Share);                      // tier (b)
        Assert.Equal(1_030_000_000, byId["X"].Share + byId["Y"].Share);     // tier (c) shares what is left: 2,000 - 50 - 800 - 100 - 20
        Assert.InRange(byId["X"].Share - (1_030_000_000L * 700 / 1200), -1, 1); // pro rata 7:5, within one dong
        Assert.Equal(0, plan.Surplus);
        Assert.NotEmpty(plan.Steps);
    }

    [Fact]
    public async Task The_enforcement_fee_is_withheld_from_ordinary_creditors_but_not_from_wages()
    {
        var arranged = await DistributionCase.SoldAndPaidAsync(service);

        var plan = (await arranged.Finance.ComputeDistributionAsync(arranged.Preview())).Plan;

        var byId = plan.Creditors.ToDictionary(c => c.CreditorId);
        Assert.All(plan.Creditors, c => Assert.Equal(c.Share - c.FeeWithheld, c.NetPayout));
        Assert.Equal(0, byId["WORKER"].FeeWithheld); // no enforcement fee on tier (a) money
        Assert.True(byId["X"].FeeWithheld > 0);
        Assert.Contains(plan.Lines, l => l.Kind == LineKind.EnforcementFee);
    }

    [Fact]
    public async Task A_preview_writes_nothing()
    {
        var arranged = await DistributionCase.SoldAndPaidAsync(service);
        var eventsBefore = await service.WithDbAsync(db => db.Events.CountAsync());

        await arranged.Finance.ComputeDistributionAsync(arranged.Preview());

        Assert.Equal(eventsBefore, await service.WithDbAsync(db => db.Events.CountAsync()));
    }

    [Fact]
    public async Task Another_offices_finance_officer_cannot_find_the_asset()
    {
        var arranged = await DistributionCase.SoldAndPaidAsync(service);
        var otherOffice = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.OtherOffice)));

        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => otherOffice.ComputeDistributionAsync(arranged.Preview()).ResponseAsync);
    }

    [Fact]
    public async Task A_prepared_plan_is_the_previewed_plan_awaiting_approval()
    {
        var arranged = await DistributionCase.PreparedAsync(service);

        Assert.Equal(StoredDistributionPlan.Types.State.Prepared, arranged.Prepared.State);
        Assert.Equal(arranged.Plan, arranged.Prepared.Plan);
    }

    [Fact]
    public async Task The_officer_who_prepared_a_plan_cannot_approve_it()
    {
        var arranged = await DistributionCase.PreparedAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PREPARER_CANNOT_APPROVE", () => arranged.Maker.ApproveDistributionPlanAsync(DistributionCase.Approval(arranged.Prepared)).ResponseAsync);
    }

    [Fact]
    public async Task Nothing_is_paid_out_of_a_plan_before_it_is_approved()
    {
        var arranged = await DistributionCase.PreparedAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PLAN_NOT_APPROVED", () => arranged.Maker.RecordPayoutAsync(DistributionCase.Payout(arranged.Prepared, "WORKER", 1)).ResponseAsync);
    }

    [Fact]
    public async Task An_approved_plan_names_its_maker_and_its_checker()
    {
        var arranged = await DistributionCase.ApprovedAsync(service);

        Assert.Equal(("finance-maker", "finance-checker"), (arranged.Approved.PreparedBy, arranged.Approved.ApprovedBy));
    }

    [Fact]
    public async Task An_approved_plan_keeps_the_sale_from_being_cancelled()
    {
        var arranged = await DistributionCase.ApprovedAsync(service);
        var p = arranged.Pipeline;

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_HAS_APPROVED_PLAN",
            () => p.Step(new CancelAuctionResultRequest { Grounds = "court", CancellationDate = D(2026, 12, 21) }, async r => (await p.Client.CancelAuctionResultAsync(r)).Asset));
    }

    [Fact]
    public async Task An_approved_plan_keeps_another_from_being_prepared()
    {
        var arranged = await DistributionCase.ApprovedAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_HAS_APPROVED_PLAN",
            () => arranged.Maker.PrepareDistributionPlanAsync(new PrepareDistributionPlanRequest { RequestId = Guid.NewGuid().ToString(), Computation = arranged.Preview() }).ResponseAsync);
    }

    [Fact]
    public async Task A_payout_cannot_exceed_what_the_plan_gives_the_creditor()
    {
        var arranged = await DistributionCase.ApprovedAsync(service);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYOUT_EXCEEDS_PLAN", () => arranged.Maker.RecordPayoutAsync(DistributionCase.Payout(arranged.Approved, "X", arranged.ById["X"].NetPayout + 1)).ResponseAsync);
    }

    [Fact]
    public async Task Paying_each_creditor_their_net_payout_clears_what_was_owed_to_them()
    {
        var arranged = await DistributionCase.CreditorsPaidAsync(service);
        var plan = arranged.Plan;

        Assert.Equal(plan.Creditors.Sum(c => c.NetPayout), arranged.Current.Payouts.Sum(x => x.Amount));

        // The approved plan allocated the proceeds; the payouts cleared what was owed to each creditor.
        var paid = await arranged.BalancesAsync();
        Assert.False(paid.ContainsKey((LedgerAccount.SaleProceeds, "")));
        Assert.DoesNotContain(paid.Keys, k => k.Account == LedgerAccount.CreditorsPayable);
        Assert.Equal(-plan.EnforcementCostsPaid, paid[(LedgerAccount.EnforcementCosts, "")]);
        Assert.Equal(-plan.Creditors.Sum(c => c.FeeWithheld), paid.Where(b => b.Key.Account == LedgerAccount.EnforcementFees).Sum(b => b.Value)); // per creditor it was withheld from
        Assert.Equal(plan.Collected - plan.Creditors.Sum(c => c.NetPayout), paid[(LedgerAccount.Custody, "")]);
    }

    [Fact]
    public async Task Paying_out_the_offices_costs_and_fees_too_leaves_custody_empty()
    {
        var arranged = await DistributionCase.SettledAsync(service);

        var settled = await arranged.BalancesAsync();

        Assert.Empty(settled);
    }

    [Fact]
    public async Task A_plans_payout_is_not_reversed_on_its_own()
    {
        var arranged = await DistributionCase.CreditorsPaidAsync(service);

        var entries = await arranged.EntriesAsync();
        var payoutX = entries.First(e => e.Kind == "payout" && e.CreditorId == "X").TransactionId;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "TRANSACTION_NOT_REVERSIBLE",
            () => arranged.Finance.ReverseLedgerTransactionAsync(new ReverseLedgerTransactionRequest { RequestId = Guid.NewGuid().ToString(), TransactionId = payoutX, Reason = "wrong account" }).ResponseAsync);
    }
}
