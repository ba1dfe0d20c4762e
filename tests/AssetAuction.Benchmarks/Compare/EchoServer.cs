using System.Net;
using AssetAuction.Contracts.V1;
using Google.Protobuf;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// The baseline of the compare run: a bare Grpc.AspNetCore service with one unary method that returns its request.
/// It speaks the same protobuf as GetAsset's request, so the client sends the same bytes to both. It runs as its own
/// process (verb <c>echo-server --port N</c>), like the real service, with logging at Warning. It can also answer a
/// page of assets it was given (Keep, then Page): the bytes the service answers ListAssets with, sent as they are, so
/// the transport and the client's parsing of a page are measured without the service.
/// </summary>
public static class EchoServer
{
    private static readonly Marshaller<GetAssetRequest> Marshaller = Marshallers.Create(r => r.ToByteArray(), GetAssetRequest.Parser.ParseFrom);

    public static readonly Method<GetAssetRequest, GetAssetRequest> Echo = new(MethodType.Unary, "bench.v1.EchoService", nameof(EchoServiceBase.Echo), Marshaller, Marshaller);

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Marshaller<ListAssetsRequest> PageRequest = Marshallers.Create(r => r.ToByteArray(), ListAssetsRequest.Parser.ParseFrom);

    /// <summary>Keeps the page to answer (its bytes as they are); answers an empty message.</summary>
    public static readonly Method<byte[], GetAssetRequest> Keep = new(MethodType.Unary, "bench.v1.EchoService", nameof(EchoServiceBase.Keep), Bytes, Marshaller);

    /// <summary>The kept page, as the server sends it: bytes, not serialised per call (the service sends stored bytes too).</summary>
    internal static readonly Method<ListAssetsRequest, byte[]> PageBytes = new(MethodType.Unary, "bench.v1.EchoService", nameof(EchoServiceBase.Page), PageRequest, Bytes);

    /// <summary>The kept page, as the client reads it: a ListAssetsResponse, parsed as from the service.</summary>
    public static readonly Method<ListAssetsRequest, ListAssetsResponse> Page = new(MethodType.Unary, "bench.v1.EchoService", nameof(EchoServiceBase.Page), PageRequest, Marshallers.Create(r => r.ToByteArray(), ListAssetsResponse.Parser.ParseFrom));

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], System.Globalization.CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            // Only the given port: the service's appsettings.json sits in this folder too, and its Kestrel endpoints
            // (5080, 5081) would otherwise be bound as well, failing the run when a service already listens there.
            k.Configure(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
            k.Listen(IPAddress.Loopback, port, l => l.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<EchoService>();
        await app.RunAsync();
        return 0;
    }
}

/// <summary>
/// Bound by hand (no .proto), the way generated code does it: Grpc.AspNetCore looks for a virtual method named after the
/// gRPC method, declared on the type that carries the binding attribute, and calls the override.
/// </summary>
[BindServiceMethod(typeof(EchoServiceBase), nameof(BindService))]
public abstract class EchoServiceBase
{
    public virtual Task<GetAssetRequest> Echo(GetAssetRequest request, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));

    public virtual Task<GetAssetRequest> Keep(byte[] request, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));

    public virtual Task<byte[]> Page(ListAssetsRequest request, ServerCallContext context) => throw new RpcException(new Status(StatusCode.Unimplemented, ""));

    public static void BindService(ServiceBinderBase binder, EchoServiceBase? service)
    {
        ArgumentNullException.ThrowIfNull(binder);
        binder.AddMethod(EchoServer.Echo, service is null ? null! : service.Echo);
        binder.AddMethod(EchoServer.Keep, service is null ? null! : service.Keep);
        binder.AddMethod(EchoServer.PageBytes, service is null ? null! : service.Page);
    }
}

/// <summary>Returns the request as it came, or the page it keeps.</summary>
public sealed class EchoService : EchoServiceBase
{
    private static byte[] _page = [];

    public override Task<GetAssetRequest> Echo(GetAssetRequest request, ServerCallContext context) => Task.FromResult(request);

    public override Task<GetAssetRequest> Keep(byte[] request, ServerCallContext context)
    {
        Volatile.Write(ref _page, request);
        return Task.FromResult(new GetAssetRequest());
    }

    public override Task<byte[]> Page(ListAssetsRequest request, ServerCallContext context) => Task.FromResult(Volatile.Read(ref _page));
}
