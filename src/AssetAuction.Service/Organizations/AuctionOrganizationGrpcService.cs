using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Organizations;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AuctionOrganizationGrpcService(
    CreateAuctionOrganization createAuctionOrganization,
    GetAuctionOrganization getAuctionOrganization,
    ListAuctionOrganizations listAuctionOrganizations,
    ListAuctionRounds listAuctionRounds,
    StreamAuctionRounds streamAuctionRounds)
    : AuctionOrganizationService.AuctionOrganizationServiceBase
{
    public override Task<CreateAuctionOrganizationResponse> CreateAuctionOrganization(CreateAuctionOrganizationRequest request, ServerCallContext context) =>
        createAuctionOrganization.HandleAsync(request, context.ToRequestContext());

    public override Task<GetAuctionOrganizationResponse> GetAuctionOrganization(GetAuctionOrganizationRequest request, ServerCallContext context) =>
        getAuctionOrganization.HandleAsync(request, context.ToRequestContext());

    public override Task<ListAuctionOrganizationsResponse> ListAuctionOrganizations(ListAuctionOrganizationsRequest request, ServerCallContext context) =>
        listAuctionOrganizations.HandleAsync(request, context.ToRequestContext());

    public override Task<ListAuctionRoundsResponse> ListAuctionRounds(ListAuctionRoundsRequest request, ServerCallContext context) =>
        listAuctionRounds.HandleAsync(request, context.ToRequestContext());

    public override Task StreamAuctionRounds(StreamAuctionRoundsRequest request, IServerStreamWriter<StreamAuctionRoundsResponse> responseStream, ServerCallContext context) =>
        streamAuctionRounds.HandleAsync(request, responseStream, context.ToRequestContext());
}
