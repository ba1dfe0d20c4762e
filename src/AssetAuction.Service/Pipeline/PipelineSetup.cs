using AssetAuction.Service.Assets;
namespace AssetAuction.Service.Pipeline;

internal static class PipelineSetup
{
    /// <summary>The sale pipeline: one handler per step from valuation to handover, each run through the shared AssetSteps (AddAssets).</summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services)
    {
        services.AddScoped<RecordValuation>();
        services.AddScoped<RequestRevaluation>();
        services.AddScoped<RecordRevaluation>();
        services.AddScoped<RecordCoOwnerOffer>();
        services.AddScoped<SignAuctionContract>();
        services.AddScoped<ScheduleAuctionRound>();
        services.AddScoped<PostponeAuctionRound>();
        services.AddScoped<SuspendAuctionRound>();
        services.AddScoped<CancelAuctionRound>();
        services.AddScoped<RedeemAsset>();
        services.AddScoped<RecordAuctionResult>();
        services.AddScoped<ReducePrice>();
        services.AddScoped<AcceptCreditorTakeover>();
        services.AddScoped<RecordDebtorKeepsAsset>();
        services.AddScoped<CompleteCreditorTakeover>();
        services.AddScoped<ReturnToDebtor>();
        services.AddScoped<RecordBuyerPayment>();
        services.AddScoped<ExtendBuyerPayment>();
        services.AddScoped<RecordBuyerDefault>();
        services.AddScoped<CancelAuctionResult>();
        services.AddScoped<ScheduleHandover>();
        services.AddScoped<RecordHandover>();
        services.AddScoped<RecordLandDocumentsSent>();
        services.AddScoped<PipelineGrpcService>();
        return services;
    }
}
