namespace AssetAuction.Service.Grpc;

/// <summary>
/// On a service's override of a generated unary method: its gRPC binding answers through the service's method
/// <see cref="Method"/>, which takes the same request and returns the response in its wire form
/// (<see cref="WireResponse"/>), bytes identical to the typed response. The typed override stays the one the REST
/// transcoding calls. Bound by <see cref="GuardedServiceMethodProvider{TService}"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class WireAnswerAttribute(string method) : Attribute
{
    /// <summary>The name of the method, on the same service, of shape <c>Task&lt;WireResponse&gt; M(TRequest, ServerCallContext)</c>.</summary>
    public string Method { get; } = method;
}
