using AssetAuction.Service.Security;
using Grpc.Core;

namespace AssetAuction.Service.Grpc;

internal static class RequestContextExtensions
{
    /// <summary>The call as the handlers see it (<see cref="RequestContext"/>): the caller from the authenticated principal.</summary>
    public static RequestContext ToRequestContext(this ServerCallContext context)
    {
        var http = context.GetHttpContext();
        return new(Caller.FromPrincipal(http.User), context.Method, context.CancellationToken) { Items = http.Items };
    }
}
