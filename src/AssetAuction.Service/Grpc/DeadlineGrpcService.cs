using AssetAuction.Contracts.V1;
using AssetAuction.Service.Deadlines;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class DeadlineGrpcService(IServiceProvider services) : DeadlineService.DeadlineServiceBase
{
    public override Task<ListDeadlinesResponse> ListDeadlines(ListDeadlinesRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListDeadlines>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListBacklogResponse> ListBacklog(ListBacklogRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListBacklog>().HandleAsync(request, context.ToRequestContext());
}
