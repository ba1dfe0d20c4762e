using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Audit;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AuditGrpcService(ListAuditEntries listAuditEntries, AuditChainVerifier auditChainVerifier, AuditCheckpoints auditCheckpoints) : AuditService.AuditServiceBase
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        listAuditEntries.HandleAsync(request, context.ToRequestContext());

    public override Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context) =>
        auditChainVerifier.VerifyAsync(context.CancellationToken);

    public override Task<ExportAuditCheckpointResponse> ExportAuditCheckpoint(ExportAuditCheckpointRequest request, ServerCallContext context) =>
        auditCheckpoints.ExportAsync(context.CancellationToken);
}
