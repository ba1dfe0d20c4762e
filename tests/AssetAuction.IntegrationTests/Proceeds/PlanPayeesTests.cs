using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>A plan lists every payee it pays; creditors and the office's own lines never merge; "all paid out" happens once.</summary>
public sealed class PlanPayeesTests : IDisposable
{
    // A host per test: each scenario walks the fake clock forward from 23 November 2026.
    private readonly ServiceFactory service = new();

    public void Dispose() => service.Dispose();

    [Fact]
    public async Task A_creditor_whose_id_is_fees_is_a_payee_of_its_own_beside_the_fees_line()
    {
        var s = await ProceedsScenario.SoldAndPaidAsync(service, 1_000_000_000, ("fees", 300_000_000), ("debtor", 200_000_000), ("X", 100_000_000));
        var plan = await s.ApproveAsync(await s.PrepareAsync(costs: 20_000_000));

        var payees = plan.Payees.ToDictionary(p => (p.Kind, p.CreditorId));
        var creditorFees = plan.Plan.Creditors.Single(c => c.CreditorId == "fees");
        Assert.Equal(creditorFees.NetPayout, payees[(PayeeKind.Creditor, "fees")].Amount);
        Assert.Equal(plan.Plan.Creditors.Sum(c => c.FeeWithheld), payees[(PayeeKind.EnforcementFee, "")].Amount);
        Assert.Equal(20_000_000, payees[(PayeeKind.EnforcementCosts, "")].Amount);
        Assert.Equal(plan.Plan.Surplus, payees[(PayeeKind.DebtorSurplus, "")].Amount);
        Assert.True(payees.ContainsKey((PayeeKind.Creditor, "debtor")));
        Assert.Equal(plan.Plan.Collected, plan.Payees.Sum(p => p.Amount));
        Assert.All(plan.Payees, p => Assert.Equal((0L, p.Amount), (p.Paid, p.Remaining)));

        // Unsaid, "fees" is both a creditor and the office's line: the client must say which.
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYEE_AMBIGUOUS", () => s.Maker.RecordPayoutAsync(ProceedsScenario.Payout(plan, PayeeKind.Unspecified, "fees", 1)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CREDITOR_NOT_IN_PLAN", () => s.Maker.RecordPayoutAsync(ProceedsScenario.Payout(plan, PayeeKind.Creditor, "nobody", 1)).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "CREDITOR_NOT_IN_PLAN", () => s.Maker.RecordPayoutAsync(ProceedsScenario.Payout(plan, PayeeKind.HousingAmount, "", 1)).ResponseAsync);

        // Paying the creditor "fees" in full leaves the fees line untouched, and the other way round.
        plan = await s.PayAsync(plan, PayeeKind.Creditor, "fees", creditorFees.NetPayout);
        payees = plan.Payees.ToDictionary(p => (p.Kind, p.CreditorId));
        Assert.Equal((creditorFees.NetPayout, 0L), (payees[(PayeeKind.Creditor, "fees")].Paid, payees[(PayeeKind.Creditor, "fees")].Remaining));
        Assert.Equal(0, payees[(PayeeKind.EnforcementFee, "")].Paid);
        var feeLine = payees[(PayeeKind.EnforcementFee, "")].Amount;
        plan = await s.PayAsync(plan, PayeeKind.EnforcementFee, "", feeLine);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "PAYOUT_EXCEEDS_PLAN", () => s.Maker.RecordPayoutAsync(ProceedsScenario.Payout(plan, PayeeKind.Creditor, "fees", 1)).ResponseAsync);
        Assert.Equal(PayeeKind.EnforcementFee, plan.Payouts.Last().PayeeKind);

        // On the books: the creditor was paid from what the plan owed it, the fees from the fees account.
        var books = await s.BalancesAsync();
        Assert.False(books.ContainsKey((LedgerAccount.CreditorsPayable, "fees")));
        Assert.False(books.ContainsKey((LedgerAccount.EnforcementFees, "")));
        Assert.True(books.ContainsKey((LedgerAccount.CreditorsPayable, "debtor")));
    }

    [Fact]
    public async Task All_paid_out_is_recorded_once_by_the_payout_that_completes_the_creditors()
    {
        var s = await ProceedsScenario.SoldAndPaidAsync(service, 1_000_000_000, ("A", 300_000_000), ("B", 200_000_000));
        var plan = await s.ApproveAsync(await s.PrepareAsync(costs: 20_000_000));
        var creditors = plan.Payees.Where(p => p.Kind == PayeeKind.Creditor).ToList();
        plan = await s.PayAsync(plan, PayeeKind.Creditor, creditors[0].CreditorId, creditors[0].Amount);
        Assert.Null(plan.PaidOutOn);
        plan = await s.PayAsync(plan, PayeeKind.Creditor, creditors[1].CreditorId, creditors[1].Amount);
        Assert.Equal(PipelineDriver.D(ProceedsScenario.PaidDay), plan.PaidOutOn);
        var seizures = service.Seizures();
        var paidOut = (await seizures.GetAssetAsync(new GetAssetRequest { Name = s.Asset })).Asset;
        Assert.Single(paidOut.History, h => h.Action == "RecordPayout");
        Assert.Equal(1, await PaidOutEventsAsync());

        // The office's own lines are paid later: the plan changes, the asset does not.
        foreach (var line in plan.Payees.Where(p => p.Kind != PayeeKind.Creditor && p.Amount > 0))
        {
            plan = await s.PayAsync(plan, line.Kind, "", line.Amount);
        }

        var after = (await seizures.GetAssetAsync(new GetAssetRequest { Name = s.Asset })).Asset;
        Assert.Equal(paidOut.Etag, after.Etag);
        Assert.Single(after.History, h => h.Action == "RecordPayout");
        Assert.Equal(1, await PaidOutEventsAsync());
        Assert.Empty(await s.BalancesAsync()); // everything collected has left custody to its payees

        Task<int> PaidOutEventsAsync() => service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == "asset.proceeds_paid_out" && e.Resource == s.Asset));
    }

    [Fact]
    public async Task A_housing_amount_is_kept_back_only_for_the_debtors_only_residence()
    {
        // The test parcel is marked as the debtor's only residence: the housing amount is kept, citing its rule.
        var home = await ProceedsScenario.SoldAndPaidAsync(service, 800_000_000, ("A", 900_000_000));
        var kept = (await home.Maker.ComputeDistributionAsync(home.Computation(housing: 60_000_000))).Plan;
        Assert.Equal(60_000_000, kept.HousingAmountKept);
        Assert.Contains(kept.Steps, step => step.Contains("only residence", StringComparison.Ordinal) && step.Contains("Decree 152/2026 art. 67.3", StringComparison.Ordinal) && step.Contains("rules '2026'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_parcel_that_is_not_the_debtors_only_residence_keeps_nothing_back_for_housing()
    {
        var land = TestData.Land();
        land.LandUseRight.OnlyResidence = false;
        var other = await ProceedsScenario.SoldAndPaidAsync(service, land, 800_000_000, ("A", 900_000_000));
        var refused = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "HOUSING_AMOUNT_NOT_ONLY_RESIDENCE", () => other.Maker.ComputeDistributionAsync(other.Computation(housing: 60_000_000)).ResponseAsync);
        Assert.Contains("only_residence", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await other.Maker.ComputeDistributionAsync(other.Computation())).Plan.HousingAmountKept);
    }
}
