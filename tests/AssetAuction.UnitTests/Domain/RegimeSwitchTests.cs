using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Rules;
using static AssetAuction.UnitTests.Domain.DomainFixtures;

namespace AssetAuction.UnitTests.Domain;

/// <summary>A case that straddles 1 July 2026 switches regime step by step (Decree 152/2026 art. 115).</summary>
public sealed class RegimeSwitchTests
{
    [Theory]
    [InlineData("2026-06-25", "2026-07-27")] // legacy: 30 days, ending Saturday 25 July, so Monday 27 July
    [InlineData("2026-07-02", "2026-07-09")] // 2026: 5 working days
    public void The_debtors_time_to_keep_the_asset_follows_the_rules_in_force_on_the_notice_day(string notifiedOn, string expectedDeadline)
    {
        var notified = DateOnly.Parse(notifiedOn, System.Globalization.CultureInfo.InvariantCulture);
        var asset = AfterThreeFailedRounds(notified.AddDays(-80));

        asset.AcceptCreditorTakeover(new Party { FullName = "Bank" }, notified, notified, On(notified));

        Assert.Equal(DateOnly.Parse(expectedDeadline, System.Globalization.CultureInfo.InvariantCulture), asset.Takeover!.DebtorDeadline);
        Assert.Equal(asset.Takeover.DebtorDeadline, asset.Deadlines.Single(d => d.Kind == DeadlineKind.DebtorKeepsAsset).DueDate);
    }

    [Fact]
    public void Notices_given_late_are_recorded_as_late_not_refused()
    {
        var accepted = new DateOnly(2026, 9, 1);
        var asset = AfterThreeFailedRounds(accepted.AddDays(-80));

        asset.AcceptCreditorTakeover(new Party { FullName = "Bank" }, accepted, accepted.AddDays(20), On(accepted.AddDays(20)));

        var notice = asset.Deadlines.Single(d => d.Kind == DeadlineKind.TakeoverNotice);
        Assert.Equal(new DateOnly(2026, 9, 7), notice.DueDate); // 3 working days (2026 rules), skipping 2 September and the weekend
        Assert.Equal(DeadlineState.MetLate, notice.State);
        Assert.Equal(DeadlineState.Met, asset.Deadlines.Single(d => d.Kind == DeadlineKind.ValuationNotice).State);
    }

    [Theory]
    [InlineData("2026-06-30", ForfeitedDepositRecipient.StateBudget)]
    [InlineData("2026-07-01", ForfeitedDepositRecipient.EnforcementAgency)]
    public void A_forfeited_deposit_goes_where_the_rules_of_the_default_day_send_it(string defaultOn, ForfeitedDepositRecipient recipient)
    {
        var day = DateOnly.Parse(defaultOn, System.Globalization.CultureInfo.InvariantCulture);
        var sold = day.AddDays(-40);
        var asset = Contracted(sold.AddDays(-30));
        asset.ScheduleAuctionRound(Plan(sold.AddDays(-20), sold, 100_000_000), On(sold.AddDays(-20)));
        asset.RecordSold(new Party { FullName = "Winner" }, 1_000_000_000, 100_000_000, "", On(sold));

        var forfeited = asset.RecordBuyerDefault(day, refusedInWriting: false, "did not pay", On(day));

        Assert.Equal(recipient, forfeited.Recipient);
        Assert.Equal(AssetState.ReadyForAuction, asset.State);
    }

    [Fact]
    public void A_reduction_is_capped_at_ten_percent_of_the_previous_rounds_price_exactly()
    {
        var start = new DateOnly(2026, 8, 3);
        var asset = Contracted(start, price: 999_999_999);
        asset.ScheduleAuctionRound(Plan(start, start.AddDays(16), 100_000_000), On(start));
        asset.RecordFailed(FailureReason.NoBids, "", On(start.AddDays(16)));

        var error = Assert.Throws<AssetAuction.Domain.Common.DomainException>(() => asset.ReducePrice(new PriceReduction { AgreedByParties = true, NewPrice = 899_999_999, DecisionNumber = "1", DecisionDate = start.AddDays(17) }, On(start.AddDays(17))));
        Assert.Equal("900000000", error.Metadata["minimum_price"]); // at most 10%: 99,999,999.9 rounds down to 99,999,999 dong off
        asset.ReducePrice(new PriceReduction { AgreedByParties = true, NewPrice = 900_000_000, DecisionNumber = "1", DecisionDate = start.AddDays(17) }, On(start.AddDays(17)));
        Assert.Equal(900_000_000, asset.StartingPrice);
    }

    private static Asset Contracted(DateOnly day, long price = 1_000_000_000)
    {
        var asset = Land(day.AddDays(-3));
        asset.RecordValuation(Appraised(price, day), On(day));
        asset.SignAuctionContract(new AuctionContract { OrganizationId = "org", OrganizationName = "Org", ContractNumber = "C", ContractDate = day }, On(day));
        return asset;
    }

    private static Asset AfterThreeFailedRounds(DateOnly start)
    {
        var asset = Contracted(start);
        var posting = start;
        for (var round = 1; round <= 3; round++)
        {
            var auction = posting.AddDays(16);
            asset.ScheduleAuctionRound(Plan(posting, auction, asset.StartingPrice / 10), On(posting));
            asset.RecordFailed(FailureReason.NoBids, "", On(auction));
            if (round < 3)
            {
                asset.ReducePrice(new PriceReduction { AgreedByParties = true, NewPrice = asset.StartingPrice * 9 / 10, DecisionNumber = $"R{round}", DecisionDate = auction }, On(auction));
            }

            posting = auction;
        }

        return asset;
    }
}

/// <summary>LTHADS 101.5: the debtor may redeem up to 1 working day before the auction.</summary>
public sealed class RedemptionCutoffTests
{
    [Theory]
    [InlineData("2026-12-11", "2026-12-12", true)]  // Saturday auction: Friday is the working day before
    [InlineData("2026-12-12", "2026-12-12", false)] // on the auction day
    [InlineData("2026-12-13", "2026-12-14", false)] // Sunday before a Monday auction: the last working day was Friday
    [InlineData("2026-12-11", "2026-12-14", true)]
    public void Redemption_is_allowed_up_to_the_last_working_day_before_the_auction(string paidOn, string auctionOn, bool allowed)
    {
        var paid = DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture);
        var auction = DateOnly.Parse(auctionOn, System.Globalization.CultureInfo.InvariantCulture);
        var start = new DateOnly(2026, 11, 23);
        var asset = DomainFixtures.Land(start.AddDays(-3));
        asset.RecordValuation(DomainFixtures.Appraised(1_000_000_000, start), DomainFixtures.On(start));
        asset.SignAuctionContract(new AuctionContract { OrganizationId = "org", OrganizationName = "Org", ContractNumber = "C", ContractDate = start }, DomainFixtures.On(start));
        asset.ScheduleAuctionRound(DomainFixtures.Plan(start, auction, 100_000_000), DomainFixtures.On(start));
        var redemption = new Redemption { PaidOn = paid, ObligationAndCosts = 1, Reference = "R" };

        if (allowed)
        {
            asset.Redeem(redemption, DomainFixtures.On(paid));
            Assert.Equal(AssetState.Redeemed, asset.State);
        }
        else
        {
            Assert.Equal(AssetAuction.Domain.Common.Reasons.RedemptionTooLate, Assert.Throws<AssetAuction.Domain.Common.DomainException>(() => asset.Redeem(redemption, DomainFixtures.On(paid))).Reason);
        }
    }
}
