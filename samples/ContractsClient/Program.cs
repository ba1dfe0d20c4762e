// Lists the caller's assets through the AssetAuction.Contracts package's generated client.
//   dotnet run -- [server] [token]        (defaults: http://localhost:5080, $ASSETAUCTION_TOKEN)
using AssetAuction.Contracts.V1;
using Grpc.Core;
using Grpc.Net.Client;

var server = args.Length > 0 ? args[0] : "http://localhost:5080";
var token = args.Length > 1 ? args[1] : Environment.GetEnvironmentVariable("ASSETAUCTION_TOKEN") ?? "";

using var channel = GrpcChannel.ForAddress(server);
var seizures = new SeizureService.SeizureServiceClient(channel);
var headers = new Metadata { { "authorization", $"Bearer {token}" } };
try
{
    var page = new ListAssetsRequest { PageSize = 20 };
    var response = await seizures.ListAssetsAsync(page, headers);
    foreach (var asset in response.Assets)
    {
        Console.WriteLine($"{asset.Name}  {asset.State}  {asset.Description}");
    }

    Console.WriteLine($"{response.Assets.Count} asset(s){(response.NextPageToken.Length > 0 ? ", more on the next page" : "")}.");
    return 0;
}
catch (RpcException e)
{
    Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
    return e.StatusCode == StatusCode.Unavailable ? 3 : 1;
}
