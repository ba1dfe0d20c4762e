using AssetAuction.Contracts.V1;
using AssetAuction.Service.Proceeds;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class ProceedsGrpcService(IServiceProvider services) : ProceedsService.ProceedsServiceBase
{
    public override Task<RegisterObligationResponse> RegisterObligation(RegisterObligationRequest request, ServerCallContext context) =>
        services.GetRequiredService<RegisterObligation>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListObligationsResponse> ListObligations(ListObligationsRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListObligations>().HandleAsync(request, context.ToRequestContext());

    public override Task<PrepareDistributionPlanResponse> PrepareDistributionPlan(PrepareDistributionPlanRequest request, ServerCallContext context) =>
        services.GetRequiredService<PrepareDistributionPlan>().HandleAsync(request, context.ToRequestContext());

    public override Task<ApproveDistributionPlanResponse> ApproveDistributionPlan(ApproveDistributionPlanRequest request, ServerCallContext context) =>
        services.GetRequiredService<ApproveDistributionPlan>().HandleAsync(request, context.ToRequestContext());

    public override Task<WithdrawDistributionPlanResponse> WithdrawDistributionPlan(WithdrawDistributionPlanRequest request, ServerCallContext context) =>
        services.GetRequiredService<WithdrawDistributionPlan>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordPayoutResponse> RecordPayout(RecordPayoutRequest request, ServerCallContext context) =>
        services.GetRequiredService<RecordPayout>().HandleAsync(request, context.ToRequestContext());

    public override Task<GetDistributionPlanResponse> GetDistributionPlan(GetDistributionPlanRequest request, ServerCallContext context) =>
        services.GetRequiredService<GetDistributionPlan>().HandleAsync(request, context.ToRequestContext());

    public override Task<GetLedgerBalancesResponse> GetLedgerBalances(GetLedgerBalancesRequest request, ServerCallContext context) =>
        services.GetRequiredService<GetLedgerBalances>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListLedgerEntries>().HandleAsync(request, context.ToRequestContext());

    public override Task<ReverseLedgerTransactionResponse> ReverseLedgerTransaction(ReverseLedgerTransactionRequest request, ServerCallContext context) =>
        services.GetRequiredService<ReverseLedgerTransaction>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordLedgerCorrectionResponse> RecordLedgerCorrection(RecordLedgerCorrectionRequest request, ServerCallContext context) =>
        services.GetRequiredService<RecordLedgerCorrection>().HandleAsync(request, context.ToRequestContext());

    public override Task<RecordRemittanceResponse> RecordRemittance(RecordRemittanceRequest request, ServerCallContext context) =>
        services.GetRequiredService<RecordRemittance>().HandleAsync(request, context.ToRequestContext());

    public override Task<ImportStatementResponse> ImportStatement(ImportStatementRequest request, ServerCallContext context) =>
        services.GetRequiredService<ImportStatement>().HandleAsync(request, context.ToRequestContext());

    public override Task<GetReconciliationReportResponse> GetReconciliationReport(GetReconciliationReportRequest request, ServerCallContext context) =>
        services.GetRequiredService<GetReconciliationReport>().HandleAsync(request, context.ToRequestContext());

    public override Task<ComputeDistributionResponse> ComputeDistribution(ComputeDistributionRequest request, ServerCallContext context) =>
        services.GetRequiredService<ComputeDistribution>().HandleAsync(request, context.ToRequestContext());
}
