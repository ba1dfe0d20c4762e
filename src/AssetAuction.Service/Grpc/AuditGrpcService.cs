using AssetAuction.Contracts.V1;
using AssetAuction.Service.Audit;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AuditGrpcService(IServiceProvider services) : AuditService.AuditServiceBase
{
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListAuditEntries>().HandleAsync(request, context.ToRequestContext());

    public override Task<VerifyAuditChainResponse> VerifyAuditChain(VerifyAuditChainRequest request, ServerCallContext context) =>
        services.GetRequiredService<AuditChainVerifier>().VerifyAsync(context.CancellationToken);

    public override Task<ExportAuditCheckpointResponse> ExportAuditCheckpoint(ExportAuditCheckpointRequest request, ServerCallContext context) =>
        services.GetRequiredService<AuditCheckpoints>().ExportAsync(context.CancellationToken);
}
