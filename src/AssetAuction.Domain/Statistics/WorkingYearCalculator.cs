namespace AssetAuction.Domain.Statistics;

/// <summary>
/// Computes the asset-disposal share of the agencies' working-year indicators. Pure: the facts come in, the
/// figures go out, so the same facts always give the same report and any past month can be recomputed.
///
/// The national definitions (Circular 05/2024/TT-BTP on enforcement statistics, replacing TT 06/2019 from
/// 2024-07-26; working year per Joint Circular 12/2021 art. 6) and how each maps onto what this service knows:
/// <list type="bullet">
/// <item>"One enforcement decision is one case (việc)." Here a case is an (office, case number) pair of the
/// seizure acts; only cases with at least one seized asset are known to this service.</item>
/// <item>"Cases to handle = carried over + newly received, less those entrusted elsewhere or withdrawn." Here:
/// carried over = a case with an asset seized before the year and not completed (below) on the day before it;
/// new = any other case with an asset seized in the period. Entrustment and withdrawal are decided in the case
/// management system and are not known here: no case is subtracted.</item>
/// <item>"Cases with the means to enforce (có điều kiện) and without (chưa có điều kiện, LTHADS 44a)." A case
/// with a seized asset has, by that asset, the means to enforce: every case counted here is có điều kiện.</item>
/// <item>"Rate by case = cases completed (including terminated) ÷ cases có điều kiện × 100; carried-over cases
/// stay in the denominator." Here "completed in the asset dimension": every asset of the case seized so far has
/// left the office's hands (hand-over to the buyer, creditor takeover, redemption, return to the debtor, or
/// release) and, for a sale, its proceeds were paid out under an approved plan, on or before the period's end.
/// Rate = completed ÷ (carried over + new), in basis points (4849 = 48.49%), rounded half up.</item>
/// <item>"Rate by money = money collected ÷ money có điều kiện × 100." Here: money paid out to creditors in the
/// period ÷ what the cases' registered creditors are owed (RegisterObligation), for the cases to handle.</item>
/// </list>
/// </summary>
public static class WorkingYearCalculator
{
    public static WorkingYearFigures Compute(WorkingYear period, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(inputs);
        var start = period.Start;
        var end = period.End;
        var carry = period.CarryOverDay;

        // Only assets seized by the end matter; an asset completed before the year cannot be open in it.
        var assets = inputs.Assets.Where(a => a.SeizedOn <= end && !a.IsCompletedBy(carry)).ToList();

        var cases = CountCases(assets, period);
        var debts = inputs.Debts
            .Where(d => cases.ToHandle.Contains((d.Office, d.CaseNumber)))
            .Sum(d => d.Owed);
        var payouts = inputs.Payouts.Where(p => period.Contains(p.PaidOn)).ToList();
        var paidToCreditors = payouts.Where(p => p.Kind == PayoutKind.Creditor && cases.ToHandle.Contains((p.Office, p.CaseNumber))).Sum(p => p.Amount);

        return new WorkingYearFigures(
            CountAssets(assets, period),
            new CaseFigures(cases.CarriedOver, cases.New, cases.Completed, BasisPoints(cases.Completed, cases.CarriedOver + cases.New)),
            new MoneyFigures(
                ValueUnderSeizure: assets.Where(a => !a.IsDisposedBy(end)).Sum(a => a.PriceOn(end)),
                // The sale in force at the period's end, as it was then: a sale cancelled later still counts here.
                RealisedSales: assets.Select(a => a.SaleOn(end)).Where(s => s is { } sale && period.Contains(sale.FullyPaidOn)).Sum(s => s!.Value.Price),
                RealisedRedemptions: assets.Where(a => a.Outcome == AssetOutcome.Redeemed && period.Contains(a.DisposedOn)).Sum(a => a.RealisedAmount),
                RealisedTakeovers: assets.Where(a => a.Outcome == AssetOutcome.TakenByCreditor && period.Contains(a.DisposedOn)).Sum(a => a.RealisedAmount),
                PaidToCreditors: paidToCreditors,
                Fees: payouts.Where(p => p.Kind == PayoutKind.Fee).Sum(p => p.Amount),
                SurplusReturned: payouts.Where(p => p.Kind == PayoutKind.Surplus).Sum(p => p.Amount),
                OwedToCreditors: debts,
                RateBasisPoints: BasisPoints(paidToCreditors, debts)),
            CountTimeliness(assets, inputs.Deadlines, period),
            CountProblems(assets, cases, inputs, end),
            CountAuctions(assets, period));
    }

    /// <summary>A ratio in basis points, rounded half up; 0 when there is nothing to divide by.</summary>
    public static long BasisPoints(long numerator, long denominator) =>
        denominator <= 0 ? 0 : (long)(((Int128)numerator * 10_000 * 2 + denominator) / (2 * (Int128)denominator));

    private static AssetFigures CountAssets(List<AssetFact> assets, WorkingYear period)
    {
        var carry = period.CarryOverDay;
        var end = period.End;
        long Disposed(AssetOutcome outcome) => assets.Count(a => a.Outcome == outcome && period.Contains(a.DisposedOn));
        var remaining = assets.Where(a => !a.IsDisposedBy(end)).Select(a => Stage(a, end).Stage).ToList();
        return new AssetFigures(
            CarriedOver: assets.Count(a => a.SeizedOn <= carry && !a.IsDisposedBy(carry)),
            NewlySeized: assets.Count(a => period.Contains(a.SeizedOn)),
            DisposedSoldAndPaid: Disposed(AssetOutcome.SoldAndPaid),
            DisposedTakenByCreditor: Disposed(AssetOutcome.TakenByCreditor),
            DisposedRedeemed: Disposed(AssetOutcome.Redeemed),
            DisposedReturnedToDebtor: Disposed(AssetOutcome.ReturnedToDebtor),
            DisposedReleased: Disposed(AssetOutcome.Released),
            RemainingAwaitingValuation: remaining.Count(s => s == AssetStage.AwaitingValuation),
            RemainingAwaitingSale: remaining.Count(s => s == AssetStage.AwaitingSale),
            RemainingAwaitingPayment: remaining.Count(s => s == AssetStage.AwaitingPayment),
            RemainingAwaitingHandover: remaining.Count(s => s == AssetStage.AwaitingHandover));
    }

    /// <summary>The stage of an asset not yet disposed at the end of <paramref name="day"/>, and since when it is there.</summary>
    public static (AssetStage Stage, DateOnly Since) Stage(AssetFact asset, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(asset);
        // The sale in force on that day, which may since have been cancelled or defaulted on.
        if (asset.SaleOn(day) is { } sale)
        {
            return sale.FullyPaidOn is { } paid && paid <= day ? (AssetStage.AwaitingHandover, paid) : (AssetStage.AwaitingPayment, sale.SoldOn);
        }

        if (asset.ValuedOn is { } valued && valued <= day)
        {
            return (AssetStage.AwaitingSale, asset.LastSaleActivity(day) ?? valued);
        }

        return (AssetStage.AwaitingValuation, asset.SeizedOn);
    }

    private sealed record CaseCount(long CarriedOver, long New, long Completed, HashSet<(string Office, string CaseNumber)> ToHandle, HashSet<(string, string)> OpenAtEnd);

    private static CaseCount CountCases(List<AssetFact> assets, WorkingYear period)
    {
        static bool OpenOn(IEnumerable<AssetFact> caseAssets, DateOnly day) => caseAssets.Any(a => a.SeizedOn <= day && !a.IsCompletedBy(day));
        long carried = 0, fresh = 0, completed = 0;
        var toHandle = new HashSet<(string, string)>();
        var openAtEnd = new HashSet<(string, string)>();
        foreach (var group in assets.GroupBy(a => (a.Office, a.CaseNumber)))
        {
            var isCarried = OpenOn(group, period.CarryOverDay);
            var isNew = !isCarried && group.Any(a => period.Contains(a.SeizedOn));
            if (!isCarried && !isNew)
            {
                continue;
            }

            toHandle.Add(group.Key);
            carried += isCarried ? 1 : 0;
            fresh += isNew ? 1 : 0;
            if (OpenOn(group, period.End))
            {
                openAtEnd.Add(group.Key);
            }
            else
            {
                completed++;
            }
        }

        return new CaseCount(carried, fresh, completed, toHandle, openAtEnd);
    }

    private static TimelinessFigures CountTimeliness(List<AssetFact> assets, IReadOnlyList<DeadlineFact> deadlines, WorkingYear period)
    {
        var end = period.End;

        // A limit due in the period counts unless it was dropped (the path changed) by the period's end.
        // Met: done on or before its due day; met late: done after it, by the period's end; missed: not done by then.
        var due = deadlines.Where(d => period.Contains(d.DueDate) && !(d.Cancelled && d.ClosedOn <= end)).ToList();
        static (long Met, long Late, long Missed) Split(IEnumerable<DeadlineFact> items, DateOnly end)
        {
            long met = 0, late = 0, missed = 0;
            foreach (var d in items)
            {
                if (d.Cancelled || d.ClosedOn is not { } closed || closed > end)
                {
                    missed++;
                }
                else if (closed <= d.DueDate)
                {
                    met++;
                }
                else
                {
                    late++;
                }
            }

            return (met, late, missed);
        }

        var total = Split(due, end);
        var byRuleSet = due.GroupBy(d => d.RuleSet).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => { var s = Split(g, end); return new RuleSetTimeliness(g.Key, g.Count(), s.Met, s.Late, s.Missed); })
            .ToList();

        static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
        var durations = new List<DurationFigures>
        {
            Duration(DurationKeys.SeizureToValuation, assets.Where(a => period.Contains(a.ValuedOn)).Select(a => Days(a.SeizedOn, a.ValuedOn!.Value))),
            Duration(DurationKeys.ValuationToFirstAuction, assets.Where(a => period.Contains(a.FirstAuctionOn) && a.ValuedOn is not null).Select(a => Days(a.ValuedOn!.Value, a.FirstAuctionOn!.Value))),
            Duration(DurationKeys.FirstAuctionToSale, SalesAtEnd(assets, end).Where(s => period.Contains(s.Sale.SoldOn) && s.Asset.FirstAuctionOn is not null).Select(s => Days(s.Asset.FirstAuctionOn!.Value, s.Sale.SoldOn))),
            Duration(DurationKeys.SaleToFullPayment, SalesAtEnd(assets, end).Where(s => period.Contains(s.Sale.FullyPaidOn)).Select(s => Days(s.Sale.SoldOn, s.Sale.FullyPaidOn!.Value))),
            Duration(DurationKeys.FullPaymentToPayout, assets.Where(a => period.Contains(a.PaidOutOn) && a.FullyPaidOn is not null).Select(a => Days(a.FullyPaidOn!.Value, a.PaidOutOn!.Value))),
        };
        return new TimelinessFigures(due.Count, total.Met, total.Late, total.Missed, byRuleSet, durations);
    }

    /// <summary>Each asset with the sale in force at the end of <paramref name="end"/> (current, or past but not yet ended then).</summary>
    private static IEnumerable<(AssetFact Asset, SaleInForce Sale)> SalesAtEnd(List<AssetFact> assets, DateOnly end) =>
        assets.Select(a => (Asset: a, Sale: a.SaleOn(end))).Where(s => s.Sale is not null).Select(s => (s.Asset, s.Sale!.Value));

    private static DurationFigures Duration(string key, IEnumerable<int> days)
    {
        var sorted = days.Order().ToArray();
        return new DurationFigures(key, sorted.Length, Percentile.NearestRank(sorted, 50), Percentile.NearestRank(sorted, 90));
    }

    private static ProblemFigures CountProblems(List<AssetFact> assets, CaseCount cases, ReportInputs inputs, DateOnly end)
    {
        var thresholds = inputs.Thresholds;
        var owed = inputs.Debts.GroupBy(d => (d.Office, d.CaseNumber)).ToDictionary(g => g.Key, g => g.Sum(d => d.Owed));
        var open = assets.Where(a => !a.IsDisposedBy(end)).ToList();
        var openCases = assets.Where(a => cases.OpenAtEnd.Contains((a.Office, a.CaseNumber)))
            .GroupBy(a => (a.Office, a.CaseNumber))
            .Select(g => (
                Owed: owed.GetValueOrDefault(g.Key),
                Value: g.Where(a => !a.IsDisposedBy(end)).Sum(a => a.PriceOn(end)),
                Decision: g.Min(a => a.DecisionDate)))
            .ToList();

        // Large: what the creditors are owed, or what the seized assets are worth, is above the threshold
        // (20 billion dong in the agencies' reports). Old: the enforcement decision is more than N years old.
        var large = openCases.Where(c => Math.Max(c.Owed, c.Value) > thresholds.LargeSum).ToList();
        var oldBefore = end.AddYears(-thresholds.OldCaseYears);
        var old = openCases.Where(c => c.Decision < oldBefore).ToList();
        var stuck = open.Where(a => end.DayNumber - Stage(a, end).Since.DayNumber > thresholds.StuckDays).ToList();
        return new ProblemFigures(
            new ProblemGroup(large.Count, large.Sum(c => c.Owed), large.Sum(c => c.Value)),
            new ProblemGroup(old.Count, old.Sum(c => c.Owed), old.Sum(c => c.Value)),
            new ProblemGroup(stuck.Count, 0, stuck.Sum(a => a.PriceOn(end))));
    }

    private static AuctionFigures CountAuctions(List<AssetFact> assets, WorkingYear period)
    {
        var failed = assets.Sum(a => a.FailedRounds().Count(period.Contains));
        var reductions = assets.Sum(a => a.ReductionsBetween(period.Start, period.End));

        // The discount of each sale in the period from its first auction's starting price, averaged over the sales.
        var discounts = SalesAtEnd(assets, period.End)
            .Where(s => period.Contains(s.Sale.SoldOn) && s.Asset.FirstStartingPrice > 0)
            .Select(s => (Int128)(s.Asset.FirstStartingPrice - s.Sale.Price) * 10_000 / s.Asset.FirstStartingPrice)
            .ToList();
        var average = discounts.Count == 0 ? 0 : (long)RoundHalfAwayFromZero(discounts.Aggregate(Int128.Zero, (s, d) => s + d), discounts.Count);
        return new AuctionFigures(failed, reductions, discounts.Count, average);
    }

    private static Int128 RoundHalfAwayFromZero(Int128 sum, int count)
    {
        var twice = sum * 2;
        var sign = twice < 0 ? -1 : 1;
        return sign * ((Int128.Abs(twice) + count) / (2 * count));
    }
}

/// <summary>Percentiles by the nearest-rank method: the smallest value with at least p% of the values at or below it.</summary>
public static class Percentile
{
    public static long NearestRank(IReadOnlyList<int> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = ((percent * sorted.Count) + 99) / 100;
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
