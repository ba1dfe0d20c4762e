using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Proceeds;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class ProceedsGrpcService(
    RegisterObligation registerObligation,
    ListObligations listObligations,
    PrepareDistributionPlan prepareDistributionPlan,
    ApproveDistributionPlan approveDistributionPlan,
    WithdrawDistributionPlan withdrawDistributionPlan,
    RecordPayout recordPayout,
    GetDistributionPlan getDistributionPlan,
    GetLedgerBalances getLedgerBalances,
    ListLedgerEntries listLedgerEntries,
    ReverseLedgerTransaction reverseLedgerTransaction,
    RecordLedgerCorrection recordLedgerCorrection,
    RecordRemittance recordRemittance,
    ImportStatement importStatement,
    GetReconciliationReport getReconciliationReport,
    ComputeDistribution computeDistribution)
    : ProceedsService.ProceedsServiceBase
{
    public override Task<RegisterObligationResponse> RegisterObligation(RegisterObligationRequest request, ServerCallContext context) =>
        registerObligation.HandleAsync(request, context.ToRequestContext());

    public override Task<ListObligationsResponse> ListObligations(ListObligationsRequest request, ServerCallContext context) =>
        listObligations.HandleAsync(request, context.ToRequestContext());

    public override Task<PrepareDistributionPlanResponse> PrepareDistributionPlan(PrepareDistributionPlanRequest request, ServerCallContext context) =>
        prepareDistributionPlan.HandleAsync(request, context.ToRequestContext());

    public override Task<ApproveDistributionPlanResponse> ApproveDistributionPlan(ApproveDistributionPlanRequest request, ServerCallContext context) =>
        approveDistributionPlan.HandleAsync(request, context.ToRequestContext());

    public override Task<WithdrawDistributionPlanResponse> WithdrawDistributionPlan(WithdrawDistributionPlanRequest request, ServerCallContext context) =>
        withdrawDistributionPlan.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordPayoutResponse> RecordPayout(RecordPayoutRequest request, ServerCallContext context) =>
        recordPayout.HandleAsync(request, context.ToRequestContext());

    public override Task<GetDistributionPlanResponse> GetDistributionPlan(GetDistributionPlanRequest request, ServerCallContext context) =>
        getDistributionPlan.HandleAsync(request, context.ToRequestContext());

    public override Task<GetLedgerBalancesResponse> GetLedgerBalances(GetLedgerBalancesRequest request, ServerCallContext context) =>
        getLedgerBalances.HandleAsync(request, context.ToRequestContext());

    public override Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context) =>
        listLedgerEntries.HandleAsync(request, context.ToRequestContext());

    public override Task<ReverseLedgerTransactionResponse> ReverseLedgerTransaction(ReverseLedgerTransactionRequest request, ServerCallContext context) =>
        reverseLedgerTransaction.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordLedgerCorrectionResponse> RecordLedgerCorrection(RecordLedgerCorrectionRequest request, ServerCallContext context) =>
        recordLedgerCorrection.HandleAsync(request, context.ToRequestContext());

    public override Task<RecordRemittanceResponse> RecordRemittance(RecordRemittanceRequest request, ServerCallContext context) =>
        recordRemittance.HandleAsync(request, context.ToRequestContext());

    public override Task<ImportStatementResponse> ImportStatement(ImportStatementRequest request, ServerCallContext context) =>
        importStatement.HandleAsync(request, context.ToRequestContext());

    public override Task<GetReconciliationReportResponse> GetReconciliationReport(GetReconciliationReportRequest request, ServerCallContext context) =>
        getReconciliationReport.HandleAsync(request, context.ToRequestContext());

    public override Task<ComputeDistributionResponse> ComputeDistribution(ComputeDistributionRequest request, ServerCallContext context) =>
        computeDistribution.HandleAsync(request, context.ToRequestContext());
}
