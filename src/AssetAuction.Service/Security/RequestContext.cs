namespace AssetAuction.Service.Security;

/// <summary>What a handler needs to know about the call, without gRPC types: who, which RPC, and cancellation.</summary>
public sealed record RequestContext(Caller Caller, string Method, CancellationToken CancellationToken)
{
    /// <summary>
    /// The call's own items (its HttpContext.Items), where a handler leaves what the transport uses once it
    /// returns: a mutation's response bytes (Grpc/SerializedResponses). Null outside a call (jobs, tools).
    /// </summary>
    public IDictionary<object, object?>? Items { get; init; }
}
