using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Seizures;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class SeizureGrpcService(
    RegisterSeizure registerSeizure,
    GetAsset getAsset,
    ListAssets listAssets,
    ReleaseSeizure releaseSeizure)
    : SeizureService.SeizureServiceBase
{
    public override Task<RegisterSeizureResponse> RegisterSeizure(RegisterSeizureRequest request, ServerCallContext context) =>
        registerSeizure.HandleAsync(request, context.ToRequestContext());

    [WireAnswer(nameof(GetAssetWire))]
    public override Task<GetAssetResponse> GetAsset(GetAssetRequest request, ServerCallContext context) =>
        getAsset.HandleAsync(request, context.ToRequestContext());

    /// <summary>GetAsset's gRPC answer: the asset's stored view written as it is.</summary>
    public Task<WireResponse> GetAssetWire(GetAssetRequest request, ServerCallContext context) =>
        getAsset.HandleWireAsync(request, context.ToRequestContext());

    [WireAnswer(nameof(ListAssetsWire))]
    public override Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context) =>
        listAssets.HandleAsync(request, context.ToRequestContext());

    /// <summary>ListAssets' gRPC answer: the assets' stored views written as they are.</summary>
    public Task<WireResponse> ListAssetsWire(ListAssetsRequest request, ServerCallContext context) =>
        listAssets.HandleWireAsync(request, context.ToRequestContext());

    public override Task<ReleaseSeizureResponse> ReleaseSeizure(ReleaseSeizureRequest request, ServerCallContext context) =>
        releaseSeizure.HandleAsync(request, context.ToRequestContext());
}
