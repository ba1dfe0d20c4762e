using AssetAuction.Domain.Proceeds;
using CsCheck;
using System.Numerics;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>Largest remainder splitting (LTHADS art. 47.2.a: pro rata inside a tier) in whole dong.</summary>
public sealed class ProRataTests
{
    [Fact]
    public void The_dong_left_after_rounding_down_goes_to_the_largest_fraction()
    {
        // 7 over claims 2, 3, 5 (10 in all): exact 1.4, 2.1, 3.5; floors 1, 2, 3 make 6; the last dong goes to 3.5.
        Assert.Equal([1, 2, 4], ProRata.Split(7, [2, 3, 5]));
    }

    [Fact]
    public void Equal_fractions_go_to_the_claim_listed_first()
    {
        // 10 over three equal claims: 3 + 1/3 each; one dong left, to the first.
        Assert.Equal([4, 3, 3], ProRata.Split(10, [5, 5, 5]));
        Assert.Equal([3, 3], ProRata.Split(6, [5, 5]));
    }

    [Fact]
    public void Claims_are_paid_in_full_when_the_amount_covers_them_and_an_amount_above_them_is_refused()
    {
        Assert.Equal([2, 3], ProRata.Split(5, [2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProRata.Split(6, [2, 3]));
        Assert.Throws<ArgumentException>(() => ProRata.Split(0, [2, 0]));
    }

    [Fact]
    public void Parts_add_up_exactly_stay_within_one_dong_of_the_exact_share_and_never_exceed_the_claim()
    {
        var gen = from claims in Gen.Frequency((1, Gen.Long[1, 1_000]), (1, Gen.Long[1, long.MaxValue / 8])).Array[1, 8]
                  from permille in Gen.Long[0, 1_000]
                  let total = claims.Aggregate(BigInteger.Zero, (s, c) => s + c)
                  select (claims, amount: (long)BigInteger.Min(total * permille / 1_000, long.MaxValue));
        gen.Sample(t =>
        {
            var parts = ProRata.Split(t.amount, t.claims);
            var total = t.claims.Aggregate(BigInteger.Zero, (s, c) => s + c);
            Assert.Equal(t.amount, parts.Aggregate(BigInteger.Zero, (s, p) => s + p));
            for (var i = 0; i < parts.Length; i++)
            {
                var exactTimesTotal = (BigInteger)t.amount * t.claims[i];
                Assert.True(BigInteger.Abs((parts[i] * total) - exactTimesTotal) < total, "more than a dong from the exact share");
                Assert.InRange(parts[i], 0, t.claims[i]);
            }
        }, iter: 5_000);
    }

    [Fact]
    public void No_part_rounded_down_has_a_larger_fraction_than_a_part_rounded_up()
    {
        var gen = from claims in Gen.Long[1, 1_000_000].Array[2, 8]
                  from amount in Gen.Long[0, claims.Sum()]
                  select (claims, amount);
        gen.Sample(t =>
        {
            var parts = ProRata.Split(t.amount, t.claims);
            var total = t.claims.Sum();
            var fractions = t.claims.Select(c => (Int128)t.amount * c % total).ToArray();
            var up = Enumerable.Range(0, parts.Length).Where(i => parts[i] * (Int128)total > (Int128)t.amount * t.claims[i]).ToList();
            var down = Enumerable.Range(0, parts.Length).Except(up).ToList();
            Assert.All(up, i => Assert.All(down, j => Assert.True(fractions[i] >= fractions[j])));
        }, iter: 5_000);
    }
}
