using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Deadlines;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class DeadlineGrpcService(ListDeadlines listDeadlines, ListBacklog listBacklog) : DeadlineService.DeadlineServiceBase
{
    public override Task<ListDeadlinesResponse> ListDeadlines(ListDeadlinesRequest request, ServerCallContext context) =>
        listDeadlines.HandleAsync(request, context.ToRequestContext());

    public override Task<ListBacklogResponse> ListBacklog(ListBacklogRequest request, ServerCallContext context) =>
        listBacklog.HandleAsync(request, context.ToRequestContext());
}
