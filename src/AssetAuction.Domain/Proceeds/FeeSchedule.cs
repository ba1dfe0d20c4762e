using System.Globalization;

namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// One band of the enforcement fee table (TT216 art. 4): on an amount above <see cref="Above"/> the fee
/// is <see cref="BaseFee"/> plus <see cref="RateBasisPoints"/> of the part above <see cref="Above"/>.
/// The first band starts at 0, so it charges its rate on the whole amount.
/// </summary>
public sealed record FeeBand
{
    public long Above { get; init; }

    public long BaseFee { get; init; }

    /// <summary>Rate in basis points: 300 = 3%, 1 = 0.01%.</summary>
    public int RateBasisPoints { get; init; }
}

/// <summary>
/// The enforcement fee as data (TT216 art. 4-6), paid by a creditor on what it actually receives. Amounts
/// up to <see cref="ExemptBaseSalaries"/> x <see cref="BaseSalary"/> are exempt; above that, the band's
/// formula applies to the whole amount. The rate part is rounded half up to the dong, once, on the
/// cumulative amount received in the case (TT216 art. 5.2).
/// </summary>
public sealed record FeeSchedule
{
    /// <summary>Base salary (lương cơ sở) in dong: 2,340,000 (Decree 73/2024) to 2026-06-30; 2,530,000 (Decree 161/2026) from 2026-07-01.</summary>
    public long BaseSalary { get; init; }

    public int ExemptBaseSalaries { get; init; } = 2;

    /// <summary>Bands in ascending order of <see cref="FeeBand.Above"/>, the first at 0.</summary>
    public IReadOnlyList<FeeBand> Bands { get; init; } = [];

    /// <summary>Amounts up to this are exempt.</summary>
    public long ExemptUpTo => BaseSalary * ExemptBaseSalaries;

    /// <summary>The fee on a cumulative amount received, in dong.</summary>
    public long FeeOn(long received)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(received);
        if (received <= ExemptUpTo)
        {
            return 0;
        }

        var band = BandFor(received);
        return band.BaseFee + RatePart(band.RateBasisPoints, received - band.Above);
    }

    /// <summary>The arithmetic of <see cref="FeeOn"/> in words, e.g. "150,000,000 + 2% of the 1,000,000,000 above 5,000,000,000 = 170,000,000".</summary>
    public string Explain(long received)
    {
        if (received <= ExemptUpTo)
        {
            return $"{Wording.Dong(received)} is at most {ExemptBaseSalaries} x the base salary of {Wording.Dong(BaseSalary)} ({Wording.Dong(ExemptUpTo)}): no fee";
        }

        var band = BandFor(received);
        var rate = Percent(band.RateBasisPoints);
        var fee = Wording.Dong(FeeOn(received));
        return band.Above == 0 && band.BaseFee == 0
            ? $"{rate} of {Wording.Dong(received)} = {fee}"
            : $"{Wording.Dong(band.BaseFee)} + {rate} of the {Wording.Dong(received - band.Above)} above {Wording.Dong(band.Above)} = {fee}";
    }

    /// <summary>What is wrong with this schedule, or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BaseSalary <= 0 || BaseSalary > 1_000_000_000_000 || ExemptBaseSalaries is < 0 or > 1000)
        {
            problems.Add("the fee needs a BaseSalary between 1 and 10^12 dong and an ExemptBaseSalaries between 0 and 1000");
        }

        if (Bands.Count == 0 || Bands[0].Above != 0 || Bands[0].BaseFee != 0)
        {
            problems.Add("the first fee band must start at 0 with no base fee");
            return problems;
        }

        if (Bands.Any(b => b.RateBasisPoints is < 0 or > 10_000))
        {
            problems.Add("fee rates must be between 0 and 10000 basis points");
            return problems;
        }

        for (var i = 1; i < Bands.Count; i++)
        {
            var (previous, band) = (Bands[i - 1], Bands[i]);
            if (band.Above <= previous.Above)
            {
                problems.Add("fee bands must be in strictly ascending order of Above");
                break;
            }

            // Each band starts where the previous one ends (TT216 art. 4: 3% of 5 billion = 150 million, and so on); this catches typos.
            var expected = previous.BaseFee + RatePart(previous.RateBasisPoints, band.Above - previous.Above);
            if (band.BaseFee != expected)
            {
                problems.Add($"the fee band above {band.Above} should start at {expected}, the previous band's fee at that amount, not {band.BaseFee}");
            }
        }

        return problems;
    }

    private FeeBand BandFor(long received) => Bands.Last(b => b.Above < received);

    /// <summary>rate x amount / 10,000, rounded half up to the dong; exact in Int128.</summary>
    private static long RatePart(int basisPoints, long amount) => (long)((((Int128)amount * basisPoints) + 5_000) / 10_000);

    private static string Percent(int basisPoints) => (basisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
