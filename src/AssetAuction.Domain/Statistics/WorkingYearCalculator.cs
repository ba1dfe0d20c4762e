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
/// release) and, for a sale, its proceeds were paid out under an approved plan, on or before the period's end;
/// money brought back into custody in the period (a correction, or the reversal of a payout) and not paid out
/// again by the end makes the case not completed again.
/// Rate = completed ÷ (carried over + new), in basis points (4849 = 48.49%), rounded half up.</item>
/// <item>"Rate by money = money collected ÷ money có điều kiện × 100." Here: money paid out to creditors in the
/// period ÷ what the cases' registered creditors are owed (RegisterObligation), for the cases to handle.</item>
/// </list>
/// </summary>
public static class WorkingYearCalculator
{
    /// <summary>The figures of <paramref name="inputs"/> for <paramref name="period"/>: the tally over the list.</summary>
    public static WorkingYearFigures Compute(WorkingYear period, ReportInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(inputs);
        var tally = new WorkingYearTally(period, inputs.Thresholds);
        foreach (var asset in inputs.Assets)
        {
            tally.Add(asset);
        }

        return tally.Finish(inputs.Deadlines, inputs.Debts, inputs.Payouts);
    }

    /// <summary>A ratio in basis points, rounded half up; 0 when there is nothing to divide by.</summary>
    public static long BasisPoints(long numerator, long denominator) =>
        denominator <= 0 ? 0 : (long)(((Int128)numerator * 10_000 * 2 + denominator) / (2 * (Int128)denominator));

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
