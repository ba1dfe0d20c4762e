using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>Input the distribution refuses, each with its stable reason.</summary>
public sealed class ProceedsValidationTests
{
    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, -1, 0)]
    [InlineData(0, 0, -1)]
    public void Negative_proceeds_costs_or_housing_amount_are_refused(long collected, long costs, long housing) =>
        AssertRefused(Reasons.ProceedsAmountNegative, Sale(collected, costs, housing), [Owed("c", 1)]);

    [Fact]
    public void Costs_above_the_proceeds_are_not_an_error() =>
        Assert.Equal(10, Distribution.Compute(Sale(10, costs: 1_000), [Owed("c", 5)], ShippedProceedsRules.Book).EnforcementCostsPaid);

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_obligation_of_zero_or_less_is_refused(long owed) =>
        AssertRefused(Reasons.ObligationAmountNotPositive, Sale(10), [Owed("c", owed)], "c");

    [Fact]
    public void Negative_history_for_the_fee_is_refused()
    {
        AssertRefused(Reasons.ProceedsAmountNegative, Sale(10), [Owed("c", 5) with { ReceivedBefore = -1 }], "c");
        AssertRefused(Reasons.ProceedsAmountNegative, Sale(10), [Owed("c", 5) with { FeeChargedBefore = -1 }], "c");
        AssertRefused(Reasons.ProceedsAmountTooLarge, Sale(10), [Owed("c", 5) with { ReceivedBefore = long.MaxValue - 4 }], "c");
    }

    [Fact]
    public void Two_obligations_with_the_same_creditor_id_are_refused() =>
        AssertRefused(Reasons.DuplicateCreditorId, Sale(10), [Owed("c", 5), Owed("c", 7, ObligationCategory.Wages)], "c");

    [Fact]
    public void An_obligation_without_a_creditor_id_is_refused() =>
        AssertRefused(Reasons.CreditorIdRequired, Sale(10), [Owed(" ", 5)]);

    [Fact]
    public void A_judgment_creditor_without_a_request_date_is_refused() =>
        AssertRefused(Reasons.ProceedsDateRequired, Sale(10), [Owed("c", 5) with { RequestedOn = null }], "c");

    [Fact]
    public void A_request_after_the_payment_date_is_refused() =>
        AssertRefused(Reasons.RequestAfterPaymentDate, Sale(10), [Owed("c", 5) with { RequestedOn = Payment.AddDays(1) }], "c");

    [Fact]
    public void A_decision_after_the_payment_date_or_a_missing_date_is_refused()
    {
        AssertRefused(Reasons.DecisionAfterPaymentDate, Sale(10) with { DecisionDate = Payment.AddDays(1) }, [Owed("c", 5)]);
        AssertRefused(Reasons.ProceedsDateRequired, Sale(10) with { PaymentDate = default }, [Owed("c", 5)]);
    }

    [Fact]
    public void Proceeds_without_an_asset_id_are_refused() =>
        AssertRefused(Reasons.ProceedsAssetIdRequired, Sale(10) with { AssetId = "" }, []);

    [Fact]
    public void An_unknown_category_is_refused() =>
        AssertRefused(Reasons.ObligationCategoryUnknown, Sale(10), [Owed("c", 5, (ObligationCategory)99)], "c");

    [Fact]
    public void Collateral_without_an_asset_or_with_rank_below_one_is_refused()
    {
        AssertRefused(Reasons.CollateralInvalid, Sale(10), [Owed("c", 5).SecuredBy(rank: 0)], "c");
        AssertRefused(Reasons.CollateralInvalid, Sale(10), [Owed("c", 5).SecuredBy(asset: "")], "c");
    }

    [Fact]
    public void A_third_party_secured_on_another_asset_has_no_claim_on_these_proceeds() =>
        AssertRefused(Reasons.ThirdPartySecurityNotOnThisAsset, Sale(10), [Owed("tp", 5).SecuredBy(asset: "A-2", judgmentCreditor: false)], "tp");

    [Fact]
    public void A_third_party_ranked_at_or_after_a_judgment_creditors_security_on_the_asset_is_left_to_a_person()
    {
        AssertRefused(Reasons.SecuredRanksConflict, Sale(10), [Owed("tp", 5).SecuredBy(rank: 2, judgmentCreditor: false), Owed("bank", 5).SecuredBy(rank: 1)]);
        AssertRefused(Reasons.SecuredRanksConflict, Sale(10), [Owed("tp", 5).SecuredBy(rank: 1, judgmentCreditor: false), Owed("bank", 5).SecuredBy(rank: 1)]);
    }

    [Fact]
    public void Rules_that_take_effect_after_the_payment_date_are_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Distribution.Compute(Sale(10), [Owed("c", 5)], ShippedProceedsRules.Regime2026));

    private static void AssertRefused(string reason, ProceedsContext context, Obligation[] obligations, string? creditorId = null)
    {
        var error = Assert.Throws<DomainException>(() => Distribution.Compute(context, obligations, ShippedProceedsRules.Legacy));
        Assert.Equal((DomainErrorKind.InvalidInput, reason), (error.Kind, error.Reason));
        if (creditorId is not null)
        {
            Assert.Equal(creditorId, error.Metadata["creditor_id"]);
        }
    }
}
