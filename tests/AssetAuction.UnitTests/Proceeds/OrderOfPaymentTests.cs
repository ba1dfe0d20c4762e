using AssetAuction.Domain.Proceeds;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>Single rules of the order of payment (LTHADS art. 47), each on the smallest case that shows it.</summary>
public sealed class OrderOfPaymentTests
{
    [Fact]
    public void Tiers_are_paid_a_then_b_then_c()
    {
        // 100: tier (a) 30 in full, tier (b) court fee 50 in full, tier (c) gets the last 20 of 40.
        var plan = Distribution.Compute(Sale(100), [Owed("c", 40), Owed("fee", 50, ObligationCategory.CourtFee), Owed("a", 30, ObligationCategory.LifeHealthCompensation)], ShippedProceedsRules.Book);

        Assert.Equal((30, 50, 20), (plan.For("a").Paid, plan.For("fee").Paid, plan.For("c").Paid));
        Assert.Equal([PaymentStage.TierA, PaymentStage.TierB, PaymentStage.TierC], plan.Rounds.Select(r => r.Stage));
    }

    [Fact]
    public void A_claim_secured_by_another_asset_shares_in_its_tier_like_any_other()
    {
        // 60 for two tier (c) claims of 60 each; the one secured by A-2 has no priority on A-1's proceeds: 30 each.
        var plan = Distribution.Compute(Sale(60), [Owed("bank", 60).SecuredBy(asset: "A-2"), Owed("c", 60)], ShippedProceedsRules.Book);

        Assert.Equal((30, 30), (plan.For("bank").Paid, plan.For("c").Paid));
    }

    [Fact]
    public void Secured_claims_on_the_asset_are_paid_by_rank_and_equal_ranks_share_pro_rata()
    {
        // 100: rank 1 takes 40; ranks 2 (owed 60 and 40) share the 60 left: 36 and 24 (BLDS art. 307-308).
        var plan = Distribution.Compute(Sale(100),
            [Owed("first", 40).SecuredBy(rank: 1), Owed("second", 60).SecuredBy(rank: 2), Owed("also-second", 40).SecuredBy(rank: 2), Owed("c", 10)],
            ShippedProceedsRules.Book);

        Assert.Equal((40, 36, 24, 0), (plan.For("first").Paid, plan.For("second").Paid, plan.For("also-second").Paid, plan.For("c").Paid));
    }

    [Fact]
    public void Only_the_court_fee_of_the_secured_claims_own_judgment_goes_before_it()
    {
        // 100: J1's court fee 10, then the J1 secured claim 80; J2's court fee waits for tier (b) and gets the last 10 of 20.
        var plan = Distribution.Compute(Sale(100),
            [Owed("bank", 80).SecuredBy(), Owed("fee-j1", 10, ObligationCategory.CourtFee), Owed("fee-j2", 20, ObligationCategory.CourtFee) with { Judgment = "J2" }],
            ShippedProceedsRules.Book);

        Assert.Equal((10, 80, 10), (plan.For("fee-j1").Paid, plan.For("bank").Paid, plan.For("fee-j2").Paid));
        Assert.Equal([PaymentStage.CourtFeeBeforeSecured, PaymentStage.Secured, PaymentStage.TierB], plan.Rounds.Select(r => r.Stage));
    }

    [Fact]
    public void A_third_party_mortgagee_is_paid_before_the_costs_but_only_up_to_what_it_is_owed()
    {
        // 100: the mortgagee who is not a judgment creditor takes its 70 first; the costs of 50 get the 30 left.
        var plan = Distribution.Compute(Sale(100, costs: 50), [Owed("tp", 70).SecuredBy(judgmentCreditor: false), Owed("c", 10)], ShippedProceedsRules.Book);

        Assert.Equal((70, 30, 20, 0), (plan.For("tp").Paid, plan.EnforcementCostsPaid, plan.EnforcementCostsUnpaid, plan.For("c").Paid));
    }

    [Fact]
    public void A_creditor_who_requested_on_the_decision_date_shares_first()
    {
        // "By the time of the decision" includes its day: R (requested that day) is paid before E, who requested the day after.
        var plan = Distribution.Compute(Sale(10), [Owed("r", 10, daysBeforeDecision: 0), Owed("e", 10, ObligationCategory.Maintenance, daysBeforeDecision: -1)], ShippedProceedsRules.Book);

        Assert.Equal((10, 0), (plan.For("r").Paid, plan.For("e").Paid));
    }
}
