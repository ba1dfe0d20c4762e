using AssetAuction.Domain.Common;
using CsCheck;

namespace AssetAuction.UnitTests.Domain;

public sealed class ShareTests
{
    [Fact]
    public void Thirds_add_up_to_exactly_one_whole()
    {
        Assert.True(Share.AddUpToWhole([(1, 3), (1, 3), (1, 3)]));
        Assert.True(Share.AddUpToWhole([(1, 2), (1, 4), (2, 8)]));
    }

    [Theory]
    [InlineData(1, 2, 1, 3)]
    [InlineData(2, 3, 2, 3)]
    public void Shares_that_miss_or_exceed_the_whole_are_refused(long n1, long d1, long n2, long d2) =>
        Assert.False(Share.AddUpToWhole([(n1, d1), (n2, d2)]));

    [Fact]
    public void No_shares_or_a_non_positive_share_is_not_a_whole()
    {
        Assert.False(Share.AddUpToWhole([]));
        Assert.False(Share.AddUpToWhole([(0, 1), (1, 1)]));
        Assert.False(Share.AddUpToWhole([(2, 1), (-1, 1)]));
    }

    [Fact]
    public void Any_split_of_a_whole_adds_up_and_any_nudge_breaks_it()
    {
        // A whole of d parts cut at random points into owners' shares n_i/d, each then written in its own denominator.
        var gen = from d in Gen.Long[2, 1_000_000_000_000]
                  from cuts in Gen.Long[1, d - 1].HashSet[0, 8]
                  from scale in Gen.Long[1, 1000]
                  select (d, cuts, scale);
        gen.Sample(t =>
        {
            var points = t.cuts.Order().Prepend(0).Append(t.d).ToArray();
            var shares = points.Zip(points.Skip(1), (a, b) => (Numerator: (b - a) * t.scale, Denominator: t.d * t.scale)).ToList();
            Assert.True(Share.AddUpToWhole(shares));
            shares[0] = (shares[0].Numerator + 1, shares[0].Denominator);
            Assert.False(Share.AddUpToWhole(shares));
        });
    }
}
