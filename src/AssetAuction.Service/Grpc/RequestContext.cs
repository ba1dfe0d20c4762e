using AssetAuction.Service.Security;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

/// <summary>What a handler needs to know about the call, without gRPC types: who, which RPC, and cancellation.</summary>
public sealed record RequestContext(Caller Caller, string Method, CancellationToken CancellationToken);

internal static class RequestContextExtensions
{
    public static RequestContext ToRequestContext(this ServerCallContext context) =>
        new(Caller.FromPrincipal(context.GetHttpContext().User), context.Method, context.CancellationToken);
}
