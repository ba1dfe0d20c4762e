using AssetAuction.Domain.Proceeds;
using CsCheck;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>The enforcement fee schedule as data (TT216 art. 4-6) and the shipped proceeds rules.</summary>
public sealed class FeeScheduleTests
{
    private static readonly FeeSchedule Legacy = ShippedProceedsRules.Legacy.Fees;
    private static readonly FeeSchedule From2026 = ShippedProceedsRules.Regime2026.Fees;

    [Fact]
    public void First_band_charges_3_percent_of_the_whole_amount_as_in_the_circulars_own_example()
    {
        // TT216 art. 5.3: a creditor receiving 5,000,000 pays 3% x 5,000,000 = 150,000 (not 3% of the part above the exemption).
        Assert.Equal(150_000, Legacy.FeeOn(5_000_000));
        Assert.Equal("3% of 5,000,000 = 150,000", Legacy.Explain(5_000_000));
    }

    [Fact]
    public void Amounts_up_to_twice_the_base_salary_are_exempt_and_the_threshold_moves_on_1_July_2026()
    {
        // Legacy: 2 x 2,340,000 = 4,680,000. 4,680,001 x 3% = 140,400.03 -> 140,400.
        Assert.Equal(0, Legacy.FeeOn(4_680_000));
        Assert.Equal(140_400, Legacy.FeeOn(4_680_001));
        // 2026: 2 x 2,530,000 = 5,060,000, so 5,000,000 is now exempt. 5,060,001 x 3% = 151,800.03 -> 151,800.
        Assert.Equal(0, From2026.FeeOn(5_000_000));
        Assert.Equal(0, From2026.FeeOn(5_060_000));
        Assert.Equal(151_800, From2026.FeeOn(5_060_001));
    }

    [Theory]
    // 150,000,000 + 2% x (6,000,000,000 - 5,000,000,000) = 170,000,000
    [InlineData(6_000_000_000, 170_000_000)]
    // 150,000,000 + 2% x 2,000,000,000 = 190,000,000: the second band ends where the third starts
    [InlineData(7_000_000_000, 190_000_000)]
    // 190,000,000 + 1% x 1,500,000,000 = 205,000,000
    [InlineData(8_500_000_000, 205_000_000)]
    // 220,000,000 + 0.5% x 2,345,678,901 = 220,000,000 + 11,728,394.505 -> 231,728,395 (half up)
    [InlineData(12_345_678_901, 231_728_395)]
    // 220,000,000 + 0.5% x 5,000,000,000 = 245,000,000
    [InlineData(15_000_000_000, 245_000_000)]
    // 245,000,000 + 0.01% x 5,000,000,000 = 245,500,000: no cap above 15 billion
    [InlineData(20_000_000_000, 245_500_000)]
    public void Each_band_adds_its_rate_on_the_part_above_its_start(long received, long fee) => Assert.Equal(fee, Legacy.FeeOn(received));

    [Fact]
    public void The_rate_part_is_rounded_half_up_to_the_dong()
    {
        // 0.5% x 100 = 0.5 -> 1; 0.5% x 99 = 0.495 -> 0.
        Assert.Equal(220_000_001, Legacy.FeeOn(10_000_000_100));
        Assert.Equal(220_000_000, Legacy.FeeOn(10_000_000_099));
        Assert.Equal("150,000,000 + 2% of the 1,000,000,000 above 5,000,000,000 = 170,000,000", Legacy.Explain(6_000_000_000));
    }

    [Fact]
    public void The_fee_never_falls_as_the_amount_grows_and_never_exceeds_3_percent()
    {
        Gen.Select(Gen.Long[0, long.MaxValue / 2], Gen.Long[0, long.MaxValue / 2]).Sample((a, b) =>
        {
            Assert.True(Legacy.FeeOn(a) <= Legacy.FeeOn(a + b));
            Assert.True((Int128)Legacy.FeeOn(a) * 10_000 <= ((Int128)a * 300) + 5_000);
        }, iter: 5_000);
    }

    [Fact]
    public void The_shipped_rules_switch_base_salary_on_1_July_2026_and_start_with_Decree_73_2024()
    {
        Assert.Equal(2_340_000, ShippedProceedsRules.Book.InForceOn(new DateOnly(2026, 6, 30)).Fees.BaseSalary);
        Assert.Equal(2_530_000, ShippedProceedsRules.Book.InForceOn(new DateOnly(2026, 7, 1)).Fees.BaseSalary);
        Assert.Throws<ArgumentOutOfRangeException>(() => ShippedProceedsRules.Book.InForceOn(new DateOnly(2024, 6, 30)));
    }

    [Fact]
    public void A_fee_table_whose_bands_do_not_join_up_is_refused_with_the_band_named()
    {
        FeeBand[] typo = [.. ShippedProceedsRules.Tt216Bands.Select(b => b.Above == 7_000_000_000 ? b with { BaseFee = 195_000_000 } : b)];
        var bad = ShippedProceedsRules.Legacy with { Fees = ShippedProceedsRules.Legacy.Fees with { Bands = typo } };

        var error = Assert.Throws<ArgumentException>(() => new ProceedsRuleBook([bad]));
        Assert.Contains("above 7000000000 should start at 190000000", error.Message, StringComparison.Ordinal);
    }
}
