using AssetAuction.Contracts.V1;
using AssetAuction.Service.Seizures;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class SeizureGrpcService(IServiceProvider services) : SeizureService.SeizureServiceBase
{
    public override Task<RegisterSeizureResponse> RegisterSeizure(RegisterSeizureRequest request, ServerCallContext context) =>
        services.GetRequiredService<RegisterSeizure>().HandleAsync(request, context.ToRequestContext());

    public override Task<GetAssetResponse> GetAsset(GetAssetRequest request, ServerCallContext context) =>
        services.GetRequiredService<GetAsset>().HandleAsync(request, context.ToRequestContext());

    public override Task<ListAssetsResponse> ListAssets(ListAssetsRequest request, ServerCallContext context) =>
        services.GetRequiredService<ListAssets>().HandleAsync(request, context.ToRequestContext());

    public override Task<ReleaseSeizureResponse> ReleaseSeizure(ReleaseSeizureRequest request, ServerCallContext context) =>
        services.GetRequiredService<ReleaseSeizure>().HandleAsync(request, context.ToRequestContext());
}
