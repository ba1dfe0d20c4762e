using AssetAuction.Domain.Proceeds;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>Distributions worked by hand; the arithmetic is in each comment and the plan must match it to the dong.</summary>
public sealed class WorkedExampleTests
{
    [Fact]
    public void Costs_then_secured_bank_then_wages_then_two_others_pro_rata_with_the_remainder_dong_to_the_earlier_request()
    {
        // Legacy regime, paid 2026-03-10 (base salary 2,340,000).
        //   collected                          10,000,000,000
        //   enforcement costs                    -150,000,000  -> 9,850,000,000 (LTHADS 47.1)
        //   bank, mortgage on A-1, rank 1      -6,000,000,000  -> 3,850,000,000 (47.3)
        //   wages, tier (a)                      -200,000,001  -> 3,649,999,999 (47.1.a)
        //   tier (c): X and Y owe 2,000,000,000 each, 4,000,000,000 in all, 3,649,999,999 to share (47.2.a):
        //     exact share 3,649,999,999 x 2,000,000,000 / 4,000,000,000 = 1,824,999,999.5 each;
        //     floors add up to 3,649,999,998, one dong left; equal fractions, so it goes to the earlier request: X.
        //     X 1,825,000,000, Y 1,824,999,999.
        // Fees (TT216 art. 4): bank 150,000,000 + 2% x 1,000,000,000 = 170,000,000; wages exempt (art. 6);
        //   X 3% x 1,825,000,000 = 54,750,000; Y 3% x 1,824,999,999 = 54,749,999.97, half up 54,750,000.
        var plan = Distribution.Compute(Sale(10_000_000_000, costs: 150_000_000),
        [
            Owed("bank", 6_000_000_000, daysBeforeDecision: 75).SecuredBy(),
            Owed("worker", 200_000_001, ObligationCategory.Wages, daysBeforeDecision: 45),
            Owed("x", 2_000_000_000, daysBeforeDecision: 100),
            Owed("y", 2_000_000_000, daysBeforeDecision: 20),
        ], ShippedProceedsRules.Book);

        Assert.Equal(150_000_000, plan.EnforcementCostsPaid);
        Assert.Equal((6_000_000_000, 170_000_000, 5_830_000_000), Paid(plan, "bank"));
        Assert.Equal((200_000_001, 0, 200_000_001), Paid(plan, "worker"));
        Assert.Equal((1_825_000_000, 54_750_000, 1_770_250_000), Paid(plan, "x"));
        Assert.Equal((1_824_999_999, 54_750_000, 1_770_249_999), Paid(plan, "y"));
        Assert.Equal(175_000_001, plan.For("y").Unpaid);
        Assert.Equal(0, plan.Surplus);
        Assert.Equal(10_000_000_000, plan.Lines.Sum(l => l.Amount));
        Assert.Equal("legacy", plan.RulesName);
    }

    [Fact]
    public void Creditors_who_requested_by_the_decision_date_are_paid_through_all_tiers_before_later_requesters()
    {
        // Decision 2026-01-15; 1,000,000,000 collected, no costs (LTHADS 47.2.b; ND62 49.1).
        //   First, requested by 2026-01-15: M maintenance 100,000,000 (tier a), A other 600,000,000 (tier c):
        //     both paid in full -> 300,000,000 left.
        //   Then the later requesters: W wages 50,000,000 (tier a) in full -> 250,000,000 left;
        //     B other 500,000,000 (tier c) gets the 250,000,000 and stays owed 250,000,000.
        //   So W's tier (a) wages wait behind A's tier (c) claim: the group comes before the tier.
        // Fees: M and W exempt (TT216 art. 6); A 3% x 600,000,000 = 18,000,000; B 3% x 250,000,000 = 7,500,000.
        var plan = Distribution.Compute(Sale(1_000_000_000),
        [
            Owed("m", 100_000_000, ObligationCategory.Maintenance, daysBeforeDecision: 10),
            Owed("a", 600_000_000, daysBeforeDecision: 40),
            Owed("w", 50_000_000, ObligationCategory.Wages, daysBeforeDecision: -5),
            Owed("b", 500_000_000, daysBeforeDecision: -10),
        ], ShippedProceedsRules.Book);

        Assert.Equal((100_000_000, 0, 100_000_000), Paid(plan, "m"));
        Assert.Equal((600_000_000, 18_000_000, 582_000_000), Paid(plan, "a"));
        Assert.Equal((50_000_000, 0, 50_000_000), Paid(plan, "w"));
        Assert.Equal((250_000_000, 7_500_000, 242_500_000), Paid(plan, "b"));
        Assert.Equal(
            [(PaymentStage.TierA, SharingGroup.RequestedByDecisionDate), (PaymentStage.TierC, SharingGroup.RequestedByDecisionDate), (PaymentStage.TierA, SharingGroup.RequestedLater), (PaymentStage.TierC, SharingGroup.RequestedLater)],
            plan.Rounds.Select(r => (r.Stage, r.Group!.Value)));
    }

    [Fact]
    public void Only_home_sold_in_2026_third_party_mortgagee_first_then_costs_housing_court_fee_secured_creditor_and_others()
    {
        // 2026 regime, paid 2026-08-10 (base salary 2,530,000), decision 2026-07-20.
        //   collected                                   2,000,000,000
        //   bank TP, mortgage rank 1, not a judgment creditor: before everything (LTHADS 47.3 para 2)
        //                                              -1,500,000,000 -> 500,000,000
        //   enforcement costs                            -100,000,000 -> 400,000,000
        //   housing, region I: 12 x 5,310,000             -63,720,000 -> 336,280,000 (Decree 152/2026 art. 67.3)
        //   court fee of judgment J7, before the J7 secured claim
        //                                                 -15,000,000 -> 321,280,000
        //   S, seized for its obligation under J7, rank 2 -300,000,000 ->  21,280,000
        //   tier (c): C1 owes 40,000,000, C2 20,000,000, 60,000,000 in all:
        //     C1 21,280,000 x 40/60 = 14,186,666 + 2/3; C2 21,280,000 x 20/60 = 7,093,333 + 1/3;
        //     floors 21,279,999, the dong left goes to the larger fraction: C1 14,186,667, C2 7,093,333.
        // Fees: TP none (not a judgment creditor); court fee none (state budget);
        //   S 3% x 300,000,000 = 9,000,000; C1 3% x 14,186,667 = 425,600.01 -> 425,600; C2 3% x 7,093,333 = 212,799.99 -> 212,800.
        var decision = new DateOnly(2026, 7, 20);
        var context = Sale(2_000_000_000, costs: 100_000_000, housing: 12 * 5_310_000) with { DecisionDate = decision, PaymentDate = new DateOnly(2026, 8, 10) };
        Obligation[] obligations =
        [
            new Obligation { CreditorId = "tp", CreditorName = "Bank TP", Owed = 1_500_000_000 }.SecuredBy(rank: 1, judgmentCreditor: false),
            Owed("fee", 15_000_000, ObligationCategory.CourtFee) with { Judgment = "J7", RequestedOn = decision.AddDays(-50) },
            Owed("s", 300_000_000) with { Judgment = "J7", RequestedOn = decision.AddDays(-60) },
            Owed("c1", 40_000_000) with { RequestedOn = decision.AddDays(-30) },
            Owed("c2", 20_000_000) with { RequestedOn = decision.AddDays(-20) },
        ];
        obligations[2] = obligations[2].SecuredBy(rank: 2);

        var plan = Distribution.Compute(context, obligations, ShippedProceedsRules.Book);

        Assert.Equal("2026", plan.RulesName);
        Assert.Equal((1_500_000_000, 0, 1_500_000_000), Paid(plan, "tp"));
        Assert.Equal(100_000_000, plan.EnforcementCostsPaid);
        Assert.Equal(63_720_000, plan.HousingAmountKept);
        Assert.Equal((15_000_000, 0, 15_000_000), Paid(plan, "fee"));
        Assert.Equal((300_000_000, 9_000_000, 291_000_000), Paid(plan, "s"));
        Assert.Equal((14_186_667, 425_600, 13_761_067), Paid(plan, "c1"));
        Assert.Equal((7_093_333, 212_800, 6_880_533), Paid(plan, "c2"));
        Assert.Equal(
            [PaymentStage.ThirdPartySecured, PaymentStage.CourtFeeBeforeSecured, PaymentStage.Secured, PaymentStage.TierC],
            plan.Rounds.Select(r => r.Stage));
        Assert.Equal(2_000_000_000, plan.Lines.Sum(l => l.Amount));
    }

    [Fact]
    public void Costs_above_the_proceeds_take_everything_and_the_rest_of_the_costs_stays_unpaid()
    {
        // 100,000,000 collected, 120,000,000 costs: the costs take all 100,000,000 (LTHADS 47.1); 20,000,000 stay unpaid;
        // the creditor's round is recorded with nothing in it.
        var plan = Distribution.Compute(Sale(100_000_000, costs: 120_000_000), [Owed("c", 50_000_000)], ShippedProceedsRules.Book);

        Assert.Equal((100_000_000, 20_000_000), (plan.EnforcementCostsPaid, plan.EnforcementCostsUnpaid));
        Assert.Equal(0, plan.For("c").Paid);
        Assert.Equal(0, plan.Rounds.Single().Distributed);
        Assert.Equal([new PlanLine(LineKind.EnforcementCosts, null, 100_000_000)], plan.Lines);
    }

    [Fact]
    public void Surplus_goes_back_to_the_debtor_once_everyone_is_paid()
    {
        // 1,000,000,000 - 10,000,000 costs - 500,000,000 owed = 490,000,000 back to the debtor (LTHADS 47.2.c).
        // Fee 3% x 500,000,000 = 15,000,000.
        var plan = Distribution.Compute(Sale(1_000_000_000, costs: 10_000_000), [Owed("c", 500_000_000)], ShippedProceedsRules.Book);

        Assert.Equal(490_000_000, plan.Surplus);
        Assert.Equal(
            [new PlanLine(LineKind.EnforcementCosts, null, 10_000_000), new PlanLine(LineKind.CreditorPayout, "c", 485_000_000), new PlanLine(LineKind.EnforcementFee, "c", 15_000_000), new PlanLine(LineKind.Surplus, null, 490_000_000)],
            plan.Lines);
    }

    private static (long Paid, long Fee, long Net) Paid(DistributionPlan plan, string id)
    {
        var c = plan.For(id);
        return (c.Paid, c.Fee.Withheld, c.NetPayout);
    }
}
