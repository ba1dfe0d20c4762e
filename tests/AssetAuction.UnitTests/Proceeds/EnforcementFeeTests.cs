using AssetAuction.Domain.Proceeds;
using CsCheck;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>The enforcement fee withheld from each creditor's share in a plan (TT216 art. 4-6), on what it actually receives.</summary>
public sealed class EnforcementFeeTests
{
    private static readonly FeeSchedule Legacy = ShippedProceedsRules.Legacy.Fees;

    [Fact]
    public void A_payment_in_instalments_costs_exactly_the_fee_on_the_total()
    {
        // TT216 art. 5.2: each instalment is charged the fee on the cumulative amount less what was charged before.
        Gen.Select(Gen.Long[1, 30_000_000_000], Gen.Long[1, 30_000_000_000]).Sample((first, second) =>
        {
            var one = Distribution.Compute(Sale(first), [Owed("c", first)], ShippedProceedsRules.Legacy).For("c").Fee;
            var two = Distribution.Compute(Sale(second), [Owed("c", second) with { ReceivedBefore = first, FeeChargedBefore = one.Due }], ShippedProceedsRules.Legacy).For("c").Fee;
            Assert.Equal(Legacy.FeeOn(first + second), one.Due + two.Due);
        }, iter: 2_000);
    }

    [Fact]
    public void An_instalment_that_crosses_the_exemption_is_charged_on_the_cumulative_amount()
    {
        // 3,000,000 received before (exempt, fee 0); now 3,000,000 more: cumulative 6,000,000 x 3% = 180,000, all withheld now.
        var plan = Distribution.Compute(Sale(3_000_000), [Owed("c", 3_000_000) with { ReceivedBefore = 3_000_000 }], ShippedProceedsRules.Book);

        Assert.Equal((180_000, 180_000, 2_820_000), (plan.For("c").Fee.Due, plan.For("c").Fee.Withheld, plan.For("c").NetPayout));
        Assert.Contains("6,000,000 received in the case (3,000,000 before, 3,000,000 now): 3% of 6,000,000 = 180,000", plan.For("c").Fee.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fee_larger_than_the_share_takes_the_share_and_the_rest_stays_owed_by_the_creditor()
    {
        // 4,680,000 before (exempt); 1,000 now: 3% x 4,681,000 = 140,430 due, only 1,000 can be withheld, 139,430 outstanding.
        var fee = Distribution.Compute(Sale(1_000), [Owed("c", 1_000) with { ReceivedBefore = 4_680_000 }], ShippedProceedsRules.Book).For("c").Fee;

        Assert.Equal((140_430, 1_000, 139_430), (fee.Due, fee.Withheld, fee.Outstanding));
    }

    [Theory]
    [InlineData(ObligationCategory.Maintenance, false, false)]
    [InlineData(ObligationCategory.Wages, false, false)]
    [InlineData(ObligationCategory.LabourClaims, false, false)]
    [InlineData(ObligationCategory.LifeHealthCompensation, false, false)]
    [InlineData(ObligationCategory.CourtFee, false, false)]
    [InlineData(ObligationCategory.Other, true, false)]
    [InlineData(ObligationCategory.Other, false, true)]
    public void Tier_a_money_state_budget_money_and_exempted_creditors_pay_no_fee(ObligationCategory category, bool stateBudget, bool exempt)
    {
        var plan = Distribution.Compute(Sale(1_000_000_000), [Owed("c", 1_000_000_000, category) with { StateBudget = stateBudget, FeeExempt = exempt }], ShippedProceedsRules.Book);

        Assert.Equal((0, 1_000_000_000), (plan.For("c").Fee.Due, plan.For("c").NetPayout));
        Assert.Contains("no enforcement fee", plan.For("c").Fee.Explanation, StringComparison.Ordinal);
    }
}
