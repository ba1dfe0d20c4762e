using AssetAuction.Contracts.V1;
using AssetAuction.Service.Events;
using AssetAuction.Service.Organizations;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AuctionOrganizationGrpcService(IServiceProvider services) : AuctionOrganizationService.AuctionOrganizationServiceBase
{
    public override Task<CreateAuctionOrganizationResponse> CreateAuctionOrganization(CreateAuctionOrganizationRequest request, ServerCallContext context) =>
        services.GetRequiredService<CreateAuctionOrganization>().HandleAsync(request, context.ToRequestContext());

    public override Task<GetAuctionOrganizationResponse> GetAuctionOrganization(GetAuctionOrganizationRequest request, ServerCallContext context) =>
        services.GetRequiredService<GetAuctionOrganization>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListAuctionOrganizationsResponse> ListAuctionOrganizations(ListAuctionOrganizationsRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListAuctionOrganizations>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListAuctionRoundsResponse> ListAuctionRounds(ListAuctionRoundsRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListAuctionRounds>().HandleAsync(request, context.ToRequestContext());

    public override Task StreamAuctionRounds(StreamAuctionRoundsRequest request, IServerStreamWriter<StreamAuctionRoundsResponse> responseStream, ServerCallContext context) =>
        services.GetRequiredService<StreamAuctionRounds>().HandleAsync(request, responseStream, context.ToRequestContext());
}
