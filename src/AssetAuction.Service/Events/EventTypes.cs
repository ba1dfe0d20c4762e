using AssetAuction.Domain.Assets;

namespace AssetAuction.Service.Events;

/// <summary>
/// The catalog of event types on the feed (StreamEvents, and the round feed of StreamAuctionRounds): each is
/// declared here once, named for what happened, in the past tense. They are public contract: never rename or
/// remove one without keeping the old name in <see cref="Renamed"/> for a release; the unit test
/// EventTypeCatalogTests compares this catalog with a checked-in snapshot.
/// </summary>
public static class EventTypes
{
    // An asset (payload: the asset after the change).
    public const string AssetSeized = "asset.seized";
    public const string AssetImported = "asset.imported";
    public const string AssetSeizureReleased = "asset.seizure_released";
    public const string AssetValued = "asset.valued";
    public const string AssetRevaluationRequested = "asset.revaluation_requested";
    public const string AssetRevalued = "asset.revalued";
    public const string AssetCoOwnerOfferRecorded = "asset.co_owner_offer_recorded";
    public const string AssetAuctionContractSigned = "asset.auction_contract_signed";
    public const string AssetAuctionRoundScheduled = "asset.auction_round_scheduled";
    public const string AssetAuctionRoundPostponed = "asset.auction_round_postponed";
    public const string AssetAuctionRoundSuspended = "asset.auction_round_suspended";
    public const string AssetAuctionRoundCancelled = "asset.auction_round_cancelled";
    public const string AssetRedeemed = "asset.redeemed";
    public const string AssetAuctionResultRecorded = "asset.auction_result_recorded";
    public const string AssetAuctionResultCancelled = "asset.auction_result_cancelled";
    public const string AssetPriceReduced = "asset.price_reduced";
    public const string AssetCreditorTakeoverAccepted = "asset.creditor_takeover_accepted";
    public const string AssetKeptByDebtor = "asset.kept_by_debtor";
    public const string AssetCreditorTakeoverCompleted = "asset.creditor_takeover_completed";
    public const string AssetReturnedToDebtor = "asset.returned_to_debtor";
    public const string AssetBuyerPaymentRecorded = "asset.buyer_payment_recorded";
    public const string AssetBuyerPaymentExtended = "asset.buyer_payment_extended";
    public const string AssetBuyerDefaultRecorded = "asset.buyer_default_recorded";
    public const string AssetHandoverScheduled = "asset.handover_scheduled";
    public const string AssetHandedOver = "asset.handed_over";
    public const string AssetLandDocumentsSent = "asset.land_documents_sent";
    public const string AssetProceedsPaidOut = "asset.proceeds_paid_out";

    // An auction round (payload: the round; also on its organization's round feed).
    public const string RoundPrefix = "auction_round.";
    public const string AuctionRoundScheduled = "auction_round.scheduled";
    public const string AuctionRoundPostponed = "auction_round.postponed";
    public const string AuctionRoundSuspended = "auction_round.suspended";
    public const string AuctionRoundCancelled = "auction_round.cancelled";
    public const string AuctionRoundSold = "auction_round.sold";
    public const string AuctionRoundFailed = "auction_round.failed";

    public const string AuctionOrganizationCreated = "auction_organization.created";

    // Proceeds.
    public const string ObligationRegistered = "obligation.registered";
    public const string DistributionPlanPrepared = "distribution_plan.prepared";
    public const string DistributionPlanApproved = "distribution_plan.approved";
    public const string DistributionPlanWithdrawn = "distribution_plan.withdrawn";
    public const string DistributionPlanPayoutRecorded = "distribution_plan.payout_recorded";
    public const string LedgerCorrectionRecorded = "ledger.correction_recorded";
    public const string LedgerTransactionReversed = "ledger.transaction_reversed";
    public const string LedgerRemittanceRecorded = "ledger.remittance_recorded";
    public const string StatementImportStarted = "statement.import_started";
    public const string StatementLinesImported = "statement.lines_imported";
    public const string StatementLinesRematched = "statement.lines_rematched";
    public const string StatementImported = "statement.imported";

    // An import of past records (payload: its progress).
    public const string ImportStarted = "import.started";
    public const string ImportFinished = "import.finished";
    public const string ImportInterrupted = "import.interrupted";

    // Time limits and reports.
    public const string DeadlineApproaching = "deadline.approaching";
    public const string DeadlineMissed = "deadline.missed";
    public const string StatisticsReportFrozen = "statistics_report.frozen";

    /// <summary>
    /// Names the feed used before the catalog (derived from the pipeline's verbs), and what each is now. Until the
    /// next release a StreamEvents filter may still name an old one and gets the events of its new names; the
    /// events stored under an old name were renamed in the database (migration EventTypesNamedForWhatHappened),
    /// so the feed speaks one vocabulary from sequence 1. asset.change_auction_round was both a postponement and a
    /// suspension: it is two types now.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Renamed = new Dictionary<string, string[]>
    {
        ["asset.register_seizure"] = [AssetSeized],
        ["asset.release_seizure"] = [AssetSeizureReleased],
        ["asset.record_valuation"] = [AssetValued],
        ["asset.request_revaluation"] = [AssetRevaluationRequested],
        ["asset.record_revaluation"] = [AssetRevalued],
        ["asset.record_co_owner_offer"] = [AssetCoOwnerOfferRecorded],
        ["asset.sign_auction_contract"] = [AssetAuctionContractSigned],
        ["asset.schedule_auction_round"] = [AssetAuctionRoundScheduled],
        ["asset.change_auction_round"] = [AssetAuctionRoundPostponed, AssetAuctionRoundSuspended],
        ["asset.cancel_auction_round"] = [AssetAuctionRoundCancelled],
        ["asset.redeem_asset"] = [AssetRedeemed],
        ["asset.record_auction_result"] = [AssetAuctionResultRecorded],
        ["asset.reduce_price"] = [AssetPriceReduced],
        ["asset.accept_creditor_takeover"] = [AssetCreditorTakeoverAccepted],
        ["asset.debtor_keeps_asset"] = [AssetKeptByDebtor],
        ["asset.complete_creditor_takeover"] = [AssetCreditorTakeoverCompleted],
        ["asset.return_to_debtor"] = [AssetReturnedToDebtor],
        ["asset.record_winner_payment"] = [AssetBuyerPaymentRecorded],
        ["asset.extend_winner_payment"] = [AssetBuyerPaymentExtended],
        ["asset.record_winner_default"] = [AssetBuyerDefaultRecorded],
        ["asset.cancel_auction_result"] = [AssetAuctionResultCancelled],
        ["asset.schedule_handover"] = [AssetHandoverScheduled],
        ["asset.record_handover"] = [AssetHandedOver],
        ["asset.record_land_documents_sent"] = [AssetLandDocumentsSent],
    };

    private static readonly HashSet<string> Current = [.. typeof(EventTypes).GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(RoundPrefix))
        .Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>Every current event type.</summary>
    public static IReadOnlyCollection<string> All => Current;

    /// <summary>A current type, or an old name still accepted in a filter.</summary>
    public static bool IsKnown(string type) => Current.Contains(type) || Renamed.ContainsKey(type);

    /// <summary>
    /// The stored types a filter entry selects: an old name selects what it became; a current name selects itself.
    /// Each also selects the old name that became exactly it, for events a former binary may still write while a
    /// release rolls out (the migration renamed those stored before); the old asset.change_auction_round, which
    /// became two types, is selected only by its own name.
    /// </summary>
    public static IEnumerable<string> Selected(string type) => Renamed.TryGetValue(type, out var now)
        ? [.. now, type]
        : [type, .. Renamed.Where(r => r.Value is [var only] && only == type).Select(r => r.Key)];

    /// <summary>The event of a round that <paramref name="isNew"/> or was changed: named for the state it is in now.</summary>
    public static string OfRound(AuctionRound round, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(round);
        return isNew ? AuctionRoundScheduled : round.State switch
        {
            AuctionRoundState.Scheduled => AuctionRoundPostponed,
            AuctionRoundState.Suspended => AuctionRoundSuspended,
            AuctionRoundState.Cancelled => AuctionRoundCancelled,
            AuctionRoundState.Sold => AuctionRoundSold,
            _ => AuctionRoundFailed,
        };
    }
}
