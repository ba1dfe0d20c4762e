namespace AssetAuction.Domain.Assets;

/// <summary>Every verb that moves an asset along the pipeline (one RPC each).</summary>
public enum PipelineAction
{
    ReleaseSeizure,
    RecordValuation,
    RequestRevaluation,
    RecordRevaluation,
    RecordCoOwnerOffer,
    SignAuctionContract,
    ScheduleAuctionRound,
    ChangeAuctionRound,
    CancelAuctionRound,
    RedeemAsset,
    RecordAuctionResult,
    ReducePrice,
    AcceptCreditorTakeover,
    DebtorKeepsAsset,
    CompleteCreditorTakeover,
    ReturnToDebtor,
    RecordWinnerPayment,
    ExtendWinnerPayment,
    RecordWinnerDefault,
    CancelAuctionResult,
    ScheduleHandover,
    RecordHandover,
    RecordLandDocumentsSent,
}
