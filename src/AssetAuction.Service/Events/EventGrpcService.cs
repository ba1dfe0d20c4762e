using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Events;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class EventGrpcService(StreamEvents streamEvents) : EventService.EventServiceBase
{
    public override Task StreamEvents(StreamEventsRequest request, IServerStreamWriter<StreamEventsResponse> responseStream, ServerCallContext context) =>
        streamEvents.HandleAsync(request, responseStream, context.ToRequestContext());
}
