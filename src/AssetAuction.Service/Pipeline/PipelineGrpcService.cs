using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Pipeline;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class PipelineGrpcService(
    RecordValuation recordValuation,
    RequestRevaluation requestRevaluation,
    RecordRevaluation recordRevaluation,
    RecordCoOwnerOffer recordCoOwnerOffer,
    SignAuctionContract signAuctionContract,
    ScheduleAuctionRound scheduleAuctionRound,
    PostponeAuctionRound postponeAuctionRound,
    SuspendAuctionRound suspendAuctionRound,
    CancelAuctionRound cancelAuctionRound,
    RedeemAsset redeemAsset,
    RecordAuctionResult recordAuctionResult,
    ReducePrice reducePrice,
    AcceptCreditorTakeover acceptCreditorTakeover,
    RecordDebtorKeepsAsset recordDebtorKeepsAsset,
    CompleteCreditorTakeover completeCreditorTakeover,
    ReturnToDebtor returnToDebtor,
    RecordBuyerPayment recordBuyerPayment,
    ExtendBuyerPayment extendBuyerPayment,
    RecordBuyerDefault recordBuyerDefault,
    CancelAuctionResult cancelAuctionResult,
    ScheduleHandover scheduleHandover,
    RecordHandover recordHandover,
    RecordLandDocumentsSent recordLandDocumentsSent)
    : PipelineService.PipelineServiceBase
{
    public override Task<RecordValuationResponse> RecordValuation(RecordValuationRequest request, ServerCallContext context) =>
        recordValuation.HandleAsync(request, context.ToRequestContext());

    public override Task<RequestRevaluationResponse> RequestRevaluation(RequestRevaluationRequest request, ServerCallContext context) =>
        requestRevaluation.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordRevaluationResponse> RecordRevaluation(RecordRevaluationRequest request, ServerCallContext context) =>
        recordRevaluation.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordCoOwnerOfferResponse> RecordCoOwnerOffer(RecordCoOwnerOfferRequest request, ServerCallContext context) =>
        recordCoOwnerOffer.HandleAsync(request, context.ToRequestContext());

    public override Task<SignAuctionContractResponse> SignAuctionContract(SignAuctionContractRequest request, ServerCallContext context) =>
        signAuctionContract.HandleAsync(request, context.ToRequestContext());

    public override Task<ScheduleAuctionRoundResponse> ScheduleAuctionRound(ScheduleAuctionRoundRequest request, ServerCallContext context) =>
        scheduleAuctionRound.HandleAsync(request, context.ToRequestContext());

    public override Task<PostponeAuctionRoundResponse> PostponeAuctionRound(PostponeAuctionRoundRequest request, ServerCallContext context) =>
        postponeAuctionRound.HandleAsync(request, context.ToRequestContext());

    public override Task<SuspendAuctionRoundResponse> SuspendAuctionRound(SuspendAuctionRoundRequest request, ServerCallContext context) =>
        suspendAuctionRound.HandleAsync(request, context.ToRequestContext());

    public override Task<CancelAuctionRoundResponse> CancelAuctionRound(CancelAuctionRoundRequest request, ServerCallContext context) =>
        cancelAuctionRound.HandleAsync(request, context.ToRequestContext());

    public override Task<RedeemAssetResponse> RedeemAsset(RedeemAssetRequest request, ServerCallContext context) =>
        redeemAsset.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordAuctionResultResponse> RecordAuctionResult(RecordAuctionResultRequest request, ServerCallContext context) =>
        recordAuctionResult.HandleAsync(request, context.ToRequestContext());

    public override Task<ReducePriceResponse> ReducePrice(ReducePriceRequest request, ServerCallContext context) =>
        reducePrice.HandleAsync(request, context.ToRequestContext());

    public override Task<AcceptCreditorTakeoverResponse> AcceptCreditorTakeover(AcceptCreditorTakeoverRequest request, ServerCallContext context) =>
        acceptCreditorTakeover.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordDebtorKeepsAssetResponse> RecordDebtorKeepsAsset(RecordDebtorKeepsAssetRequest request, ServerCallContext context) =>
        recordDebtorKeepsAsset.HandleAsync(request, context.ToRequestContext());

    public override Task<CompleteCreditorTakeoverResponse> CompleteCreditorTakeover(CompleteCreditorTakeoverRequest request, ServerCallContext context) =>
        completeCreditorTakeover.HandleAsync(request, context.ToRequestContext());

    public override Task<ReturnToDebtorResponse> ReturnToDebtor(ReturnToDebtorRequest request, ServerCallContext context) =>
        returnToDebtor.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordBuyerPaymentResponse> RecordBuyerPayment(RecordBuyerPaymentRequest request, ServerCallContext context) =>
        recordBuyerPayment.HandleAsync(request, context.ToRequestContext());

    public override Task<ExtendBuyerPaymentResponse> ExtendBuyerPayment(ExtendBuyerPaymentRequest request, ServerCallContext context) =>
        extendBuyerPayment.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordBuyerDefaultResponse> RecordBuyerDefault(RecordBuyerDefaultRequest request, ServerCallContext context) =>
        recordBuyerDefault.HandleAsync(request, context.ToRequestContext());

    public override Task<CancelAuctionResultResponse> CancelAuctionResult(CancelAuctionResultRequest request, ServerCallContext context) =>
        cancelAuctionResult.HandleAsync(request, context.ToRequestContext());

    public override Task<ScheduleHandoverResponse> ScheduleHandover(ScheduleHandoverRequest request, ServerCallContext context) =>
        scheduleHandover.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordHandoverResponse> RecordHandover(RecordHandoverRequest request, ServerCallContext context) =>
        recordHandover.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordLandDocumentsSentResponse> RecordLandDocumentsSent(RecordLandDocumentsSentRequest request, ServerCallContext context) =>
        recordLandDocumentsSent.HandleAsync(request, context.ToRequestContext());
}
