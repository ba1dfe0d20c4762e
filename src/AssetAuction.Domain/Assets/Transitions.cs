using AssetAuction.Domain.Common;
using static AssetAuction.Domain.Assets.AssetState;

namespace AssetAuction.Domain.Assets;

/// <summary>
/// Which action each state allows, and, when it does not, the reason that says what is missing.
/// The one table of the pipeline's legal paths (LTHADS 98-104, ND62 27); a test walks every cell.
/// </summary>
public static class Transitions
{
    private static readonly Dictionary<PipelineAction, AssetState[]> Allowed = new()
    {
        // Release is possible until the asset is contracted for sale at a scheduled round or sold.
        [PipelineAction.ReleaseSeizure] = [Seized, Valued, ReadyForAuction, AuctionFailed],
        [PipelineAction.RecordValuation] = [Seized],
        [PipelineAction.RequestRevaluation] = [Valued, ReadyForAuction],
        [PipelineAction.RecordRevaluation] = [Valued, ReadyForAuction],
        // Co-owners buy before the first auction (ND62 27.1).
        [PipelineAction.RecordCoOwnerOffer] = [Valued, ReadyForAuction],
        // A new contract (another organization, or after the window ran out) replaces the old one while no round is open.
        [PipelineAction.SignAuctionContract] = [Valued, ReadyForAuction],
        [PipelineAction.ScheduleAuctionRound] = [ReadyForAuction],
        [PipelineAction.ChangeAuctionRound] = [AuctionScheduled],
        [PipelineAction.CancelAuctionRound] = [AuctionScheduled],
        // Up to 1 working day before the auction (LTHADS 101.5); also while the pipeline waits.
        [PipelineAction.RedeemAsset] = [Seized, Valued, ReadyForAuction, AuctionScheduled, AuctionFailed],
        [PipelineAction.RecordAuctionResult] = [AuctionScheduled],
        [PipelineAction.ReducePrice] = [AuctionFailed],
        [PipelineAction.AcceptCreditorTakeover] = [AuctionFailed],
        [PipelineAction.DebtorKeepsAsset] = [CreditorTakeoverPending],
        [PipelineAction.CompleteCreditorTakeover] = [CreditorTakeoverPending],
        [PipelineAction.ReturnToDebtor] = [AuctionFailed, ReadyForAuction],
        [PipelineAction.RecordWinnerPayment] = [Sold],
        [PipelineAction.ExtendWinnerPayment] = [Sold],
        [PipelineAction.RecordWinnerDefault] = [Sold],
        [PipelineAction.CancelAuctionResult] = [Sold, Paid],
        [PipelineAction.ScheduleHandover] = [Paid],
        [PipelineAction.RecordHandover] = [Paid],
        [PipelineAction.RecordLandDocumentsSent] = [HandedOver],
    };

    public static bool IsAllowed(PipelineAction action, AssetState state) => Allowed[action].Contains(state);

    /// <summary>Throws FAILED_PRECONDITION with the reason for <paramref name="state"/> when the action is not allowed there.</summary>
    public static void Ensure(PipelineAction action, AssetState state, string assetName)
    {
        if (IsAllowed(action, state))
        {
            return;
        }

        var reason = ReasonRefused(action, state);
        throw DomainException.Precondition(
            reason,
            assetName,
            $"{action} is not possible while the asset is {state}: {Explain(reason)}",
            new Dictionary<string, string> { ["asset"] = assetName, ["state"] = state.ToString(), ["action"] = action.ToString() });
    }

    /// <summary>The reason code for refusing <paramref name="action"/> in <paramref name="state"/>: what is missing or what is in the way.</summary>
    public static string ReasonRefused(PipelineAction action, AssetState state)
    {
        if (state.IsClosed())
        {
            return Reasons.AssetClosed;
        }

        return (action, state) switch
        {
            (PipelineAction.ReleaseSeizure, AuctionScheduled) => Reasons.AuctionRoundScheduled,
            (PipelineAction.ReleaseSeizure or PipelineAction.RedeemAsset, Sold or Paid) => Reasons.AssetAlreadySold,
            (PipelineAction.ReleaseSeizure or PipelineAction.RedeemAsset, CreditorTakeoverPending) => Reasons.CreditorTakeoverPending,
            (PipelineAction.RecordValuation, _) => Reasons.AssetAlreadyValued,
            (PipelineAction.RequestRevaluation or PipelineAction.RecordRevaluation or PipelineAction.RecordCoOwnerOffer or PipelineAction.SignAuctionContract, Seized) => Reasons.ValuationRequired,
            (PipelineAction.RequestRevaluation or PipelineAction.RecordRevaluation, _) => Reasons.AuctionAlreadyAnnounced,
            (PipelineAction.RecordCoOwnerOffer, _) => Reasons.FirstAuctionAlreadyHeld,
            (PipelineAction.SignAuctionContract, AuctionScheduled) => Reasons.AuctionRoundScheduled,
            (PipelineAction.SignAuctionContract, AuctionFailed) => Reasons.PriceReductionRequired,
            (PipelineAction.SignAuctionContract, _) => Reasons.AuctionContractAlreadySigned,
            (_, Seized) => Reasons.ValuationRequired,
            (_, Valued) => Reasons.AuctionContractRequired,
            (PipelineAction.ScheduleAuctionRound, AuctionScheduled) => Reasons.AuctionRoundScheduled,
            (PipelineAction.ScheduleAuctionRound or PipelineAction.RecordAuctionResult or PipelineAction.ChangeAuctionRound or PipelineAction.CancelAuctionRound, AuctionFailed) => Reasons.PriceReductionRequired,
            (PipelineAction.ChangeAuctionRound or PipelineAction.CancelAuctionRound or PipelineAction.RecordAuctionResult, ReadyForAuction) => Reasons.AuctionRoundRequired,
            (_, Sold or Paid) when action is PipelineAction.ScheduleAuctionRound or PipelineAction.RecordAuctionResult or PipelineAction.ChangeAuctionRound or PipelineAction.CancelAuctionRound or PipelineAction.ReducePrice or PipelineAction.AcceptCreditorTakeover or PipelineAction.ReturnToDebtor => Reasons.AssetAlreadySold,
            (PipelineAction.ReducePrice or PipelineAction.AcceptCreditorTakeover or PipelineAction.ReturnToDebtor, _) => Reasons.FailedAuctionRequired,
            (PipelineAction.DebtorKeepsAsset or PipelineAction.CompleteCreditorTakeover, _) => Reasons.CreditorTakeoverRequired,
            (PipelineAction.RecordWinnerPayment or PipelineAction.ExtendWinnerPayment or PipelineAction.RecordWinnerDefault, Paid) => Reasons.AlreadyFullyPaid,
            (PipelineAction.RecordWinnerPayment or PipelineAction.ExtendWinnerPayment or PipelineAction.RecordWinnerDefault or PipelineAction.CancelAuctionResult, _) => Reasons.SaleRequired,
            (PipelineAction.ScheduleHandover or PipelineAction.RecordHandover, Sold) => Reasons.FullPaymentRequired,
            (PipelineAction.ScheduleHandover or PipelineAction.RecordHandover, _) => Reasons.SaleRequired,
            (PipelineAction.RecordLandDocumentsSent, _) => Reasons.HandoverRequired,
            (_, CreditorTakeoverPending) => Reasons.CreditorTakeoverPending,
            _ => Reasons.ActionNotAllowed,
        };
    }

    private static string Explain(string reason) => reason switch
    {
        Reasons.AssetClosed => "the asset has left the pipeline.",
        Reasons.ValuationRequired => "record the valuation first.",
        Reasons.AuctionContractRequired => "sign the auction contract first.",
        Reasons.AuctionRoundRequired => "schedule an auction round first.",
        Reasons.AuctionRoundScheduled => "a round is scheduled; cancel it or record its result first.",
        Reasons.PriceReductionRequired => "the last round failed; reduce the price first.",
        Reasons.FailedAuctionRequired => "only after a failed auction.",
        Reasons.SaleRequired => "only while a sale is open.",
        Reasons.FullPaymentRequired => "the buyer has not paid in full yet.",
        Reasons.AlreadyFullyPaid => "the buyer has already paid in full.",
        Reasons.AssetAlreadySold => "the asset is sold; cancel the result first.",
        Reasons.AssetAlreadyValued => "the asset already has a valuation; request a re-valuation instead.",
        Reasons.AuctionAlreadyAnnounced => "the auction has been announced (LTHADS 99: only before the public announcement).",
        Reasons.FirstAuctionAlreadyHeld => "co-owners' priority applies before the first auction (ND62 27.1).",
        Reasons.AuctionContractAlreadySigned => "an auction contract is already signed.",
        Reasons.CreditorTakeoverRequired => "only while the creditor's takeover is pending.",
        Reasons.CreditorTakeoverPending => "the creditor's takeover is pending; the debtor may pay to keep the asset instead.",
        Reasons.HandoverRequired => "hand the asset over first.",
        _ => "not allowed in this state.",
    };
}
