using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Rules;
using AssetAuction.Service.Rules;
using Microsoft.Extensions.Configuration;

namespace AssetAuction.UnitTests.Rules;

public sealed class RuleBookTests
{
    private static readonly RuleBook Shipped = RulesSetup.LoadRuleBook(
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, RulesSetup.FileName)).Build());

    [Fact]
    public void The_shipped_file_holds_the_legacy_and_the_2026_regime()
    {
        Assert.Equal(["legacy", "2026"], Shipped.Sets.Select(s => s.Name));
        Assert.Equal("legacy", Shipped.InForceOn(new DateOnly(2026, 6, 30)).Name);
        Assert.Equal("2026", Shipped.InForceOn(new DateOnly(2026, 7, 1)).Name);
    }

    [Fact]
    public void The_2026_regime_carries_the_changes_DOMAIN_lists_and_keeps_unverified_legacy_values()
    {
        var legacy = Shipped.InForceOn(new DateOnly(2026, 6, 30));
        var current = Shipped.InForceOn(new DateOnly(2026, 7, 1));

        // Decree 152/2026: shorter failure notice, 5 working days for the debtor, payment extendable to 60 days.
        Assert.Equal(Period.WorkingDays(5), legacy.FailedAuctionNotice);
        Assert.Equal(Period.WorkingDays(2), current.FailedAuctionNotice);
        Assert.Equal(Period.Days(30), legacy.DebtorKeepsAsset);
        Assert.Equal(Period.WorkingDays(5), current.DebtorKeepsAsset);
        Assert.Equal(Period.Days(30), legacy.WinnerPaymentMaxExtended);
        Assert.Equal(Period.Days(60), current.WinnerPaymentMaxExtended);
        Assert.Equal(ForfeitedDepositRecipient.StateBudget, legacy.ForfeitedDeposit);
        Assert.Equal(ForfeitedDepositRecipient.EnforcementAgency, current.ForfeitedDeposit);
        Assert.Null(legacy.LandTransferFile);
        Assert.Equal(Period.Days(10), current.LandTransferFile);

        // Unverified in 2026: legacy values kept.
        Assert.Equal(legacy.MaxReductionBasisPoints, current.MaxReductionBasisPoints);
        Assert.Equal(legacy.AuctionWindowRealEstate, current.AuctionWindowRealEstate);
        Assert.Equal(legacy.AuctionContract, current.AuctionContract);
        Assert.Equal(1000, current.MaxReductionBasisPoints);
        Assert.Equal((500, 2000), (current.DepositMinBasisPoints, current.DepositMaxBasisPoints));
    }

    [Fact]
    public void An_act_before_every_rule_set_is_refused()
    {
        Assert.Equal(AssetAuction.Domain.Common.Reasons.NoRuleSetInForce, Assert.Throws<AssetAuction.Domain.Common.DomainException>(() => Shipped.InForceOn(new DateOnly(2010, 1, 1))).Reason);
    }

    [Fact]
    public void Invalid_rule_sets_fail_at_load_with_every_problem_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuleBook(
        [
            new RuleSet { Name = "a", EffectiveFrom = new DateOnly(2020, 1, 1), DepositMinBasisPoints = 3000, DepositMaxBasisPoints = 2000 },
            new RuleSet { Name = "b", EffectiveFrom = new DateOnly(2020, 1, 1), MaxReductionBasisPoints = 0 },
        ]));

        Assert.Contains("deposit bounds", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxReductionBasisPoints", error.Message, StringComparison.Ordinal);
        Assert.Contains("same day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_five_working_day_period_from_seizure_skips_the_lunar_new_year_2026()
    {
        // Seized Friday 2026-02-13; Tết 2026 (default block 16-20 February) and the weekends are skipped.
        var due = Period.WorkingDays(5).EndAfter(new DateOnly(2026, 2, 13), new WorkingDayCalendar(CalendarOverrides.None));

        Assert.Equal(new DateOnly(2026, 2, 27), due);
    }

    [Fact]
    public void A_ten_day_period_ending_on_30_April_moves_to_the_next_working_day()
    {
        // 2026-04-20 + 10 days = Thursday 30 April (holiday), 1 May (holiday), then the weekend: Monday 4 May.
        var due = Period.Days(10).EndAfter(new DateOnly(2026, 4, 20), new WorkingDayCalendar(CalendarOverrides.None));

        Assert.Equal(new DateOnly(2026, 5, 4), due);
    }
}

public sealed class ProceedsRulesFileTests
{
    [Fact]
    public void The_shipped_file_holds_the_fee_schedule_and_base_salaries_of_both_regimes()
    {
        var book = RulesSetup.LoadProceedsRuleBook(new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, RulesSetup.FileName)).Build());

        foreach (var expected in new[] { AssetAuction.Domain.Proceeds.ShippedProceedsRules.Legacy, AssetAuction.Domain.Proceeds.ShippedProceedsRules.Regime2026 })
        {
            var loaded = book.InForceOn(expected.EffectiveFrom);
            Assert.Equal(expected.Name, loaded.Name);
            Assert.Equal(expected.Fees.BaseSalary, loaded.Fees.BaseSalary);
            Assert.Equal(expected.Fees.ExemptUpTo, loaded.Fees.ExemptUpTo);
            Assert.Equal(expected.Fees.Bands, loaded.Fees.Bands);
            Assert.Equal(expected.Citations, loaded.Citations);
            Assert.Equal(245_000_000 + 100_000, loaded.Fees.FeeOn(16_000_000_000)); // 245 million + 0.01% of the billion above 15
        }
    }
}
