using AssetAuction.Domain.Proceeds;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>The plan's steps: what finance staff read to answer a complaint.</summary>
public sealed class PlanExplanationTests
{
    [Fact]
    public void The_steps_say_what_was_deducted_who_shared_in_which_tier_with_which_share_and_the_fee()
    {
        // 100,000,000 collected - 10,000,000 costs = 90,000,000. A and B (60,000,000 each) requested before the decision:
        // tier (c) pro rata, 45,000,000 each. W requested after it, so its tier (a) wages wait and get nothing.
        // Fees: 3% x 45,000,000 = 1,350,000 each.
        var plan = Distribution.Compute(Sale(100_000_000, costs: 10_000_000),
        [
            Owed("a", 60_000_000, daysBeforeDecision: 20),
            Owed("b", 60_000_000, daysBeforeDecision: 10),
            Owed("w", 1_000_000, ObligationCategory.Wages, daysBeforeDecision: -3),
        ], ShippedProceedsRules.Book);

        Assert.Equal(
        [
            "100,000,000 collected from asset A-1, paid out on 2026-03-10 under LTHADS art. 47; ND62 art. 49 (rules 'legacy').",
            "Enforcement costs of 10,000,000 deducted (LTHADS art. 47.1). 90,000,000 left.",
            "Money collected under the decision of 2026-01-15 (QD-CC 12) goes first to the creditors who had requested enforcement by that date (LTHADS art. 47.2.b; ND62 art. 49.1): A (a), requested 2025-12-26 under QD-THA a; B (b), requested 2026-01-05 under QD-THA b.",
            "Tier (c), other obligations under the judgment (LTHADS art. 47.1): 90,000,000 left for 120,000,000 owed, shared pro rata to the amounts owed (LTHADS art. 47.2.a): "
                + "A (a) owed 60,000,000, exact share 90,000,000 x 60,000,000 / 120,000,000 = 45,000,000, gets 45,000,000; "
                + "B (b) owed 60,000,000, exact share 90,000,000 x 60,000,000 / 120,000,000 = 45,000,000, gets 45,000,000. 0 left.",
            "What remains goes to the creditors under other enforcement decisions, requested after 2026-01-15 up to the payment date (LTHADS art. 47.2.b; ND62 art. 49.1): W (w), requested 2026-01-18 under QD-THA w.",
            "Tier (a), maintenance, wages and labour claims, compensation for life and health (LTHADS art. 47.1): nothing is left; unpaid here: W (w) 1,000,000. 0 left.",
            "Nothing is left for the debtor (LTHADS art. 47.2.c). Still unpaid: A (a) 15,000,000; B (b) 15,000,000; W (w) 1,000,000.",
            "A (a): enforcement fee on 45,000,000 received: 3% of 45,000,000 = 1,350,000 (rate part rounded half up to the dong; TT216 art. 4-6). 1,350,000 withheld; pays out 43,650,000.",
            "B (b): enforcement fee on 45,000,000 received: 3% of 45,000,000 = 1,350,000 (rate part rounded half up to the dong; TT216 art. 4-6). 1,350,000 withheld; pays out 43,650,000.",
        ], plan.Steps);
    }

    [Fact]
    public void A_rounded_share_shows_its_exact_fraction_and_who_got_the_remainder_dong()
    {
        // 10 dong over three creditors owed 5 each: 3 + 1/3 each; the dong left goes to the earliest request, X.
        var plan = Distribution.Compute(Sale(10), [Owed("x", 5, daysBeforeDecision: 30), Owed("y", 5, daysBeforeDecision: 20), Owed("z", 5, daysBeforeDecision: 10)], ShippedProceedsRules.Book);

        var step = Assert.Single(plan.Steps, s => s.StartsWith("Tier (c)", StringComparison.Ordinal));
        Assert.Contains("X (x) owed 5, exact share 10 x 5 / 15 = 3 + 1/3, gets 4 (1 dong of the rounding); Y (y) owed 5, exact share 10 x 5 / 15 = 3 + 1/3, gets 3;", step, StringComparison.Ordinal);
        Assert.Contains("The 1 dong left after rounding every share down went one each to the largest fractions (equal fractions: the earlier request, then the creditor id)", step, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_costs_short_housing_and_the_surplus_are_explained()
    {
        Assert.Contains("only 100 was left: the costs take it all and 50 of them stay unpaid.", Distribution.Compute(Sale(100, costs: 150), [], ShippedProceedsRules.Book).Steps[1], StringComparison.Ordinal);
        Assert.Contains("40 should be kept back for housing", Distribution.Compute(Sale(100, costs: 70, housing: 40), [], ShippedProceedsRules.Book).Steps[2], StringComparison.Ordinal);
        Assert.Equal("Every obligation is paid in full: the surplus of 95 goes back to the debtor (LTHADS art. 47.2.c).", Distribution.Compute(Sale(100), [Owed("c", 5)], ShippedProceedsRules.Book).Steps[^2]);
    }

    [Fact]
    public void From_1_July_2026_the_steps_cite_Law_106_2025_and_Decree_152_2026()
    {
        var plan = Distribution.Compute(Sale(100) with { DecisionDate = new DateOnly(2026, 7, 2), PaymentDate = new DateOnly(2026, 7, 3) }, [Owed("c", 5) with { RequestedOn = new DateOnly(2026, 7, 1) }], ShippedProceedsRules.Book);

        Assert.StartsWith("100 collected from asset A-1, paid out on 2026-07-03 under Law 106/2025 art. 54; Decree 152/2026 art. 29-30 (rules '2026').", plan.Steps[0], StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Contains("LTHADS art. 47.1)", StringComparison.Ordinal));
    }
}
