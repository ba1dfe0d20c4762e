using AssetAuction.Domain.Proceeds;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>An approved plan allocates the money it was computed on from the domain's entitlements, balanced to the dong.</summary>
public sealed class StoredPlanAllocationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly CollectedMoney Held = new(1_000_000_000, LedgerAccount.Custody, "sale 1, round 1");

    private static StoredPlan Prepared(out DistributionPlan plan)
    {
        plan = Distribution.Compute(Sale(1_000_000_000, costs: 10_000_000), [Owed("x", 600_000_000), Owed("y", 500_000_000)], ShippedProceedsRules.Book);
        return new StoredPlan("p1", plan, "office-1", "maker", Held, Now);
    }

    [Fact]
    public void The_allocation_moves_the_money_held_to_each_entitlement_on_the_payment_date()
    {
        var stored = Prepared(out var plan);
        stored.Approve("checker", Held, Now);

        var movement = stored.Allocation("plan_approved");

        Assert.True(movement.IsBalanced);
        Assert.Equal(("plan_approved", plan.PaymentDate, stored.Name), (movement.Kind, movement.ValueDate, movement.Reference));
        Assert.Equal(new Posting(LedgerAccount.Custody, 1_000_000_000), movement.Postings[0]);
        Assert.Equal(plan.Creditors.Select(c => new Posting(LedgerAccount.CreditorsPayable, -c.NetPayout, c.CreditorId)), movement.Postings.Where(p => p.Account == LedgerAccount.CreditorsPayable));
        Assert.Equal(-10_000_000, movement.Postings.Single(p => p.Account == LedgerAccount.EnforcementCosts).Amount);
        Assert.Equal(-plan.Creditors.Sum(c => c.Fee.Withheld), movement.Postings.Single(p => p.Account == LedgerAccount.EnforcementFees).Amount);
    }

    [Fact]
    public void A_plan_not_approved_allocates_nothing()
    {
        var stored = Prepared(out _);

        Assert.Throws<InvalidOperationException>(() => stored.Allocation("plan_approved"));
    }
}
