using AssetAuction.Contracts.V1;
using AssetAuction.Service.Grpc;
using Grpc.Core;

namespace AssetAuction.Service.Backlog;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AssetImportGrpcService(ImportAssets importAssets) : AssetImportService.AssetImportServiceBase
{
    public override Task ImportAssets(IAsyncStreamReader<ImportAssetsRequest> requestStream, IServerStreamWriter<ImportAssetsResponse> responseStream, ServerCallContext context) =>
        importAssets.HandleAsync(requestStream, responseStream, context.ToRequestContext());
}
