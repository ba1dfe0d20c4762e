namespace AssetAuction.Service.Security;

/// <summary>What a handler needs to know about the call, without gRPC types: who, which RPC, and cancellation.</summary>
public sealed record RequestContext(Caller Caller, string Method, CancellationToken CancellationToken);
