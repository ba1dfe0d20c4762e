namespace AssetAuction.Domain.Statistics;

/// <summary>
/// The figures of some offices for one period, kept in a form that adds up exactly: counts and sums of money,
/// the time limits by rule set, and each duration as a count per number of days (so the median and the 90th
/// percentile of several offices together are those of all their durations). Rates and the average discount are
/// only divided out in <see cref="ToFigures"/>.
///
/// Every figure of the report belongs to one office: a case is an (office, case number) pair, and each asset,
/// time limit, debt and payout names its office. So the report of several offices is exactly the sum of their
/// partials, which is what lets a country's report reuse the partials of the offices that did not change.
/// </summary>
public sealed class WorkingYearPartial
{
    private readonly long[] _assets = new long[11];
    private readonly long[] _money = new long[8];
    private readonly long[] _cases = new long[3];
    private readonly long[] _problems = new long[8];
    private readonly long[] _auctions = new long[3];
    private readonly SortedDictionary<string, long[]> _byRuleSet = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long>[] _durations = [.. DurationKeys.All.Select(_ => new Dictionary<int, long>())];
    private Int128 _discountSum;

    /// <summary>Whether any asset fact of these offices was read for the period (the report lists such offices).</summary>
    public bool HasFacts { get; private set; }

    /// <summary>A partial holding the figures of all of <paramref name="parts"/>.</summary>
    public static WorkingYearPartial Sum(IEnumerable<WorkingYearPartial> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sum = new WorkingYearPartial();
        foreach (var part in parts)
        {
            sum.Add(part);
        }

        return sum;
    }

    /// <summary>Adds <paramref name="other"/>'s figures to these (<paramref name="other"/> is not changed).</summary>
    public void Add(WorkingYearPartial other)
    {
        ArgumentNullException.ThrowIfNull(other);
        checked
        {
            AddAll(_assets, other._assets);
            AddAll(_money, other._money);
            AddAll(_cases, other._cases);
            AddAll(_problems, other._problems);
            AddAll(_auctions, other._auctions);
            _discountSum += other._discountSum;
            foreach (var (ruleSet, counts) in other._byRuleSet)
            {
                if (!_byRuleSet.TryGetValue(ruleSet, out var mine))
                {
                    mine = new long[4];
                    _byRuleSet.Add(ruleSet, mine);
                }

                AddAll(mine, counts);
            }

            for (var i = 0; i < _durations.Length; i++)
            {
                foreach (var (days, count) in other._durations[i])
                {
                    _durations[i][days] = _durations[i].GetValueOrDefault(days) + count;
                }
            }

            HasFacts |= other.HasFacts;
        }
    }

    /// <summary>The report's figures: the rates and the average discount divided out of the sums.</summary>
    public WorkingYearFigures ToFigures()
    {
        checked
        {
            var durations = DurationKeys.All.Select((key, i) =>
            {
                var counts = _durations[i];
                var total = counts.Values.Sum();
                return new DurationFigures(key, total, NearestRank(counts, total, 50), NearestRank(counts, total, 90));
            }).ToList();
            var byRuleSet = _byRuleSet.Select(r => new RuleSetTimeliness(r.Key, r.Value[0], r.Value[1], r.Value[2], r.Value[3])).ToList();
            long paidToCreditors = _money[4], owedToHandle = _money[7];
            long carried = _cases[0], fresh = _cases[1], completed = _cases[2];
            var discounts = _auctions[2];
            return new WorkingYearFigures(
                new AssetFigures(_assets[0], _assets[1], _assets[2], _assets[3], _assets[4], _assets[5], _assets[6], _assets[7], _assets[8], _assets[9], _assets[10]),
                new CaseFigures(carried, fresh, completed, WorkingYearCalculator.BasisPoints(completed, carried + fresh)),
                new MoneyFigures(
                    ValueUnderSeizure: _money[0],
                    RealisedSales: _money[1],
                    RealisedRedemptions: _money[2],
                    RealisedTakeovers: _money[3],
                    PaidToCreditors: paidToCreditors,
                    Fees: _money[5],
                    SurplusReturned: _money[6],
                    OwedToCreditors: owedToHandle,
                    RateBasisPoints: WorkingYearCalculator.BasisPoints(paidToCreditors, owedToHandle)),
                new TimelinessFigures(byRuleSet.Sum(r => r.Due), byRuleSet.Sum(r => r.Met), byRuleSet.Sum(r => r.MetLate), byRuleSet.Sum(r => r.Missed), byRuleSet, durations),
                new ProblemFigures(
                    new ProblemGroup(_problems[0], _problems[1], _problems[2]),
                    new ProblemGroup(_problems[3], _problems[4], _problems[5]),
                    new ProblemGroup(_problems[6], 0, _problems[7])),
                new AuctionFigures(_auctions[0], _auctions[1], discounts, discounts == 0 ? 0 : (long)RoundHalfAwayFromZero(_discountSum, discounts)));
        }
    }

    internal void SawFacts() => HasFacts = true;

    internal void SetAssets(long carriedOver, long newlySeized, long soldAndPaid, long takenByCreditor, long redeemed, long returned, long released, long awaitingValuation, long awaitingSale, long awaitingPayment, long awaitingHandover) =>
        Set(_assets, carriedOver, newlySeized, soldAndPaid, takenByCreditor, redeemed, returned, released, awaitingValuation, awaitingSale, awaitingPayment, awaitingHandover);

    internal void SetMoney(long valueUnderSeizure, long realisedSales, long realisedRedemptions, long realisedTakeovers, long paidToCreditors, long fees, long surplus, long owedToHandle) =>
        Set(_money, valueUnderSeizure, realisedSales, realisedRedemptions, realisedTakeovers, paidToCreditors, fees, surplus, owedToHandle);

    internal void SetCases(long carried, long fresh, long completed) => Set(_cases, carried, fresh, completed);

    internal void SetProblems(ProblemGroup large, ProblemGroup old, long stuckCount, long stuckValue) =>
        Set(_problems, large.Count, large.Owed, large.Value, old.Count, old.Owed, old.Value, stuckCount, stuckValue);

    internal void SetAuctions(long failedRounds, long reductions, long discounts, Int128 discountSum)
    {
        Set(_auctions, failedRounds, reductions, discounts);
        _discountSum = discountSum;
    }

    /// <summary>One time limit due in the period, by its rule set: 1 met, 2 met late, 3 missed.</summary>
    internal void AddDeadline(string ruleSet, int outcome)
    {
        if (!_byRuleSet.TryGetValue(ruleSet, out var counts))
        {
            counts = new long[4];
            _byRuleSet.Add(ruleSet, counts);
        }

        counts[0]++;
        counts[outcome]++;
    }

    internal void AddDuration(int key, int days) => _durations[key][days] = _durations[key].GetValueOrDefault(days) + 1;

    private static void Set(long[] target, params ReadOnlySpan<long> values) => values.CopyTo(target);

    private static void AddAll(long[] target, long[] values)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = checked(target[i] + values[i]);
        }
    }

    /// <summary>
    /// <see cref="Percentile.NearestRank"/> over counted values: the smallest number of days with at least
    /// <paramref name="percent"/>% of the durations at or below it.
    /// </summary>
    private static long NearestRank(Dictionary<int, long> counts, long total, int percent)
    {
        if (total == 0)
        {
            return 0;
        }

        var rank = Math.Clamp(((percent * total) + 99) / 100, 1, total);
        long seen = 0;
        foreach (var days in counts.Keys.Order())
        {
            seen += counts[days];
            if (seen >= rank)
            {
                return days;
            }
        }

        throw new InvalidOperationException("Unreachable: the counts add up to the total.");
    }

    private static Int128 RoundHalfAwayFromZero(Int128 sum, long count)
    {
        var twice = sum * 2;
        var sign = twice < 0 ? -1 : 1;
        return sign * ((Int128.Abs(twice) + count) / (2 * count));
    }
}
