using AssetAuction.Contracts.V1;
using AssetAuction.Service.Events;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class EventGrpcService(IServiceProvider services) : EventService.EventServiceBase
{
    public override Task StreamEvents(StreamEventsRequest request, IServerStreamWriter<StreamEventsResponse> responseStream, ServerCallContext context) =>
        services.GetRequiredService<StreamEvents>().HandleAsync(request, responseStream, context.ToRequestContext());
}
