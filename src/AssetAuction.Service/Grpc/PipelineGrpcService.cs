using AssetAuction.Contracts.V1;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class PipelineGrpcService(IServiceProvider services) : PipelineService.PipelineServiceBase
{
    public override Task<RecordValuationResponse> RecordValuation(RecordValuationRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordValuation>().HandleAsync(request, context.ToRequestContext());

    public override Task<RequestRevaluationResponse> RequestRevaluation(RequestRevaluationRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RequestRevaluation>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordRevaluationResponse> RecordRevaluation(RecordRevaluationRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordRevaluation>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordCoOwnerOfferResponse> RecordCoOwnerOffer(RecordCoOwnerOfferRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordCoOwnerOffer>().HandleAsync(request, context.ToRequestContext());

    public override Task<SignAuctionContractResponse> SignAuctionContract(SignAuctionContractRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.SignAuctionContract>().HandleAsync(request, context.ToRequestContext());

    public override Task<ScheduleAuctionRoundResponse> ScheduleAuctionRound(ScheduleAuctionRoundRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.ScheduleAuctionRound>().HandleAsync(request, context.ToRequestContext());

    public override Task<PostponeAuctionRoundResponse> PostponeAuctionRound(PostponeAuctionRoundRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.PostponeAuctionRound>().HandleAsync(request, context.ToRequestContext());

    public override Task<SuspendAuctionRoundResponse> SuspendAuctionRound(SuspendAuctionRoundRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.SuspendAuctionRound>().HandleAsync(request, context.ToRequestContext());

    public override Task<CancelAuctionRoundResponse> CancelAuctionRound(CancelAuctionRoundRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.CancelAuctionRound>().HandleAsync(request, context.ToRequestContext());

    public override Task<RedeemAssetResponse> RedeemAsset(RedeemAssetRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RedeemAsset>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordAuctionResultResponse> RecordAuctionResult(RecordAuctionResultRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordAuctionResult>().HandleAsync(request, context.ToRequestContext());

    public override Task<ReducePriceResponse> ReducePrice(ReducePriceRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.ReducePrice>().HandleAsync(request, context.ToRequestContext());

    public override Task<AcceptCreditorTakeoverResponse> AcceptCreditorTakeover(AcceptCreditorTakeoverRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.AcceptCreditorTakeover>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordDebtorKeepsAssetResponse> RecordDebtorKeepsAsset(RecordDebtorKeepsAssetRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordDebtorKeepsAsset>().HandleAsync(request, context.ToRequestContext());

    public override Task<CompleteCreditorTakeoverResponse> CompleteCreditorTakeover(CompleteCreditorTakeoverRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.CompleteCreditorTakeover>().HandleAsync(request, context.ToRequestContext());

    public override Task<ReturnToDebtorResponse> ReturnToDebtor(ReturnToDebtorRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.ReturnToDebtor>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordBuyerPaymentResponse> RecordBuyerPayment(RecordBuyerPaymentRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordBuyerPayment>().HandleAsync(request, context.ToRequestContext());

    public override Task<ExtendBuyerPaymentResponse> ExtendBuyerPayment(ExtendBuyerPaymentRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.ExtendBuyerPayment>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordBuyerDefaultResponse> RecordBuyerDefault(RecordBuyerDefaultRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordBuyerDefault>().HandleAsync(request, context.ToRequestContext());

    public override Task<CancelAuctionResultResponse> CancelAuctionResult(CancelAuctionResultRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.CancelAuctionResult>().HandleAsync(request, context.ToRequestContext());

    public override Task<ScheduleHandoverResponse> ScheduleHandover(ScheduleHandoverRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.ScheduleHandover>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordHandoverResponse> RecordHandover(RecordHandoverRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordHandover>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordLandDocumentsSentResponse> RecordLandDocumentsSent(RecordLandDocumentsSentRequest request, ServerCallContext context) =>
        services.GetRequiredService<Pipeline.RecordLandDocumentsSent>().HandleAsync(request, context.ToRequestContext());
}
