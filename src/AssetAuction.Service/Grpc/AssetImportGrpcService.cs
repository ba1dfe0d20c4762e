using AssetAuction.Contracts.V1;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>Transport adapter: one expression per RPC. Roles: <see cref="Security.RpcPermissions"/>.</summary>
internal sealed class AssetImportGrpcService(IServiceProvider services) : AssetImportService.AssetImportServiceBase
{
    public override Task ImportAssets(IAsyncStreamReader<ImportAssetsRequest> requestStream, IServerStreamWriter<ImportAssetsResponse> responseStream, ServerCallContext context) =>
        services.GetRequiredService<Backlog.ImportAssets>().HandleAsync(requestStream, responseStream, context.ToRequestContext());
}
