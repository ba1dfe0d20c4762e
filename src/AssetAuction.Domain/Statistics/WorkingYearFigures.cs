namespace AssetAuction.Domain.Statistics;

/// <summary>The figures of one working-year report (see statistics_service.proto for each definition).</summary>
public sealed record WorkingYearFigures(
    AssetFigures Assets,
    CaseFigures Cases,
    MoneyFigures Money,
    TimelinessFigures Timeliness,
    ProblemFigures Problems,
    AuctionFigures Auctions);

public sealed record AssetFigures(
    long CarriedOver,
    long NewlySeized,
    long DisposedSoldAndPaid,
    long DisposedTakenByCreditor,
    long DisposedRedeemed,
    long DisposedReturnedToDebtor,
    long DisposedReleased,
    long RemainingAwaitingValuation,
    long RemainingAwaitingSale,
    long RemainingAwaitingPayment,
    long RemainingAwaitingHandover)
{
    public long Disposed => DisposedSoldAndPaid + DisposedTakenByCreditor + DisposedRedeemed + DisposedReturnedToDebtor + DisposedReleased;

    public long Remaining => RemainingAwaitingValuation + RemainingAwaitingSale + RemainingAwaitingPayment + RemainingAwaitingHandover;
}

public sealed record CaseFigures(long CarriedOver, long New, long Completed, long RateBasisPoints)
{
    public long ToHandle => CarriedOver + New;

    public long Remaining => ToHandle - Completed;
}

public sealed record MoneyFigures(
    long ValueUnderSeizure,
    long RealisedSales,
    long RealisedRedemptions,
    long RealisedTakeovers,
    long PaidToCreditors,
    long Fees,
    long SurplusReturned,
    long OwedToCreditors,
    long RateBasisPoints)
{
    public long Realised => RealisedSales + RealisedRedemptions + RealisedTakeovers;
}

public sealed record RuleSetTimeliness(string RuleSet, long Due, long Met, long MetLate, long Missed);

public sealed record DurationFigures(string Key, long Count, long MedianDays, long P90Days);

public sealed record TimelinessFigures(long Due, long Met, long MetLate, long Missed, IReadOnlyList<RuleSetTimeliness> ByRuleSet, IReadOnlyList<DurationFigures> Durations);

public sealed record ProblemGroup(long Count, long Owed, long Value);

public sealed record ProblemFigures(ProblemGroup LargeCases, ProblemGroup OldCases, ProblemGroup StuckAssets);

public sealed record AuctionFigures(long FailedRounds, long PriceReductions, long SalesWithFirstPrice, long AverageDiscountBasisPoints);

/// <summary>The time intervals whose median and 90th percentile the report gives.</summary>
public static class DurationKeys
{
    public const string SeizureToValuation = "seizure_to_valuation";
    public const string ValuationToFirstAuction = "valuation_to_first_auction";
    public const string FirstAuctionToSale = "first_auction_to_sale";
    public const string SaleToFullPayment = "sale_to_full_payment";
    public const string FullPaymentToPayout = "full_payment_to_payout";

    public static IReadOnlyList<string> All { get; } = [SeizureToValuation, ValuationToFirstAuction, FirstAuctionToSale, SaleToFullPayment, FullPaymentToPayout];
}
