using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Statistics;
using Xunit;
using static AssetAuction.UnitTests.Domain.DomainFixtures;

namespace AssetAuction.UnitTests.Statistics;

/// <summary>The fact an asset is reduced to: the legal dates of its acts, whatever day they were recorded.</summary>
public sealed class AssetFactTests
{
    [Fact]
    public void A_sold_asset_keeps_the_legal_dates_of_valuation_rounds_reduction_sale_payment_hand_over_and_payout()
    {
        var start = new DateOnly(2026, 3, 2);
        var asset = Land(start.AddDays(-3));
        asset.RecordValuation(Appraised(1_000_000_000, start), On(start));
        asset.SignAuctionContract(new AuctionContract { OrganizationId = "org", OrganizationName = "Org", ContractNumber = "C", ContractDate = start }, On(start));
        var failedOn = start.AddDays(16);
        asset.ScheduleAuctionRound(Plan(start, failedOn, 100_000_000), On(start));
        asset.RecordFailed(FailureReason.NoBids, "", On(failedOn));
        asset.ReducePrice(new PriceReduction { AgreedByParties = true, NewPrice = 900_000_000, DecisionNumber = "R1", DecisionDate = failedOn }, On(failedOn));
        var soldOn = failedOn.AddDays(16);
        asset.ScheduleAuctionRound(Plan(failedOn, soldOn, 90_000_000), On(failedOn));
        asset.RecordSold(new Party { FullName = "Winner" }, 950_000_000, 90_000_000, "", On(soldOn));
        var paidOn = soldOn.AddDays(10);
        asset.RecordBuyerPayment(new BuyerPayment { Amount = 860_000_000, PaidOn = paidOn, Reference = "UNC-1" }, On(paidOn));
        var handedOn = paidOn.AddDays(20);
        asset.RecordHandover(handedOn, "BB-BG-1", false, On(handedOn));

        var fact = new AssetFact(asset.Id);
        fact.Refresh(asset);
        Assert.Equal((start.AddDays(-3), start, failedOn, 1_000_000_000L), (fact.SeizedOn, fact.ValuedOn!.Value, fact.FirstAuctionOn!.Value, fact.FirstStartingPrice));
        Assert.Equal((soldOn, 950_000_000L, paidOn), (fact.SoldOn!.Value, fact.SalePrice, fact.FullyPaidOn!.Value));
        Assert.Equal((AssetOutcome.SoldAndPaid, handedOn, 950_000_000L), (fact.Outcome, fact.DisposedOn!.Value, fact.RealisedAmount));
        Assert.Equal(1_000_000_000, fact.PriceOn(failedOn.AddDays(-1)));
        Assert.Equal(900_000_000, fact.PriceOn(failedOn));
        Assert.Equal([failedOn], fact.FailedRounds());
        Assert.Equal(1, fact.ReductionsBetween(start, soldOn));

        // Not completed until the proceeds are paid out; then on the payout's legal date, even if recorded later.
        Assert.Null(fact.CompletedOn);
        var payoutOn = handedOn.AddDays(5);
        asset.RecordProceedsPaidOut(payoutOn, On(payoutOn.AddDays(3)));
        fact.Refresh(asset);
        Assert.Equal(payoutOn, fact.PaidOutOn);
        Assert.Equal(payoutOn, fact.CompletedOn);
    }

    [Fact]
    public void A_released_asset_is_completed_on_the_day_of_the_release_in_Vietnam()
    {
        var seized = new DateOnly(2026, 2, 2);
        var asset = Land(seized);
        asset.ReleaseSeizure("court decision", On(seized.AddDays(40)));

        var fact = new AssetFact(asset.Id);
        fact.Refresh(asset);
        Assert.Equal((AssetOutcome.Released, seized.AddDays(40)), (fact.Outcome, fact.DisposedOn!.Value));
        Assert.Equal(seized.AddDays(40), fact.CompletedOn);
        Assert.Equal(AssetStage.AwaitingValuation, WorkingYearCalculator.Stage(fact, seized.AddDays(39)).Stage);
    }
}
