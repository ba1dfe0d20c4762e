using AssetAuction.Service.Journal;

namespace AssetAuction.UnitTests.Service;

public sealed class IdGeneratorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ids_of_one_generator_increase_strictly_within_one_millisecond()
    {
        var generator = new IdGenerator();

        var ids = Enumerable.Range(0, 1000).Select(_ => generator.NewId(Now)).ToList();

        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
    }

    [Fact]
    public void Ids_sort_by_the_millisecond_they_were_made_in_across_generators()
    {
        var later = new IdGenerator().NewId(Now.AddMilliseconds(1));

        // A second generator (another process) holds no state of the first: its id of an earlier millisecond sorts before.
        var earlier = new IdGenerator().NewId(Now);

        Assert.True(string.CompareOrdinal(earlier, later) < 0, $"{earlier} should sort before {later}");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), Convert.ToInt64(earlier[..12], 16));
    }
}
