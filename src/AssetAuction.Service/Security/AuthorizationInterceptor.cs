using AssetAuction.Service.Requests;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace AssetAuction.Service.Security;

/// <summary>
/// Checks the caller's role against <see cref="RpcPermissions"/> for every RPC of our package.
/// Authentication itself is the endpoint's fallback policy; health and reflection are outside our package.
/// </summary>
internal sealed class AuthorizationInterceptor : Interceptor
{
    private const string OurPackage = "/assetauction.";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authorize(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Authorize(ServerCallContext context)
    {
        if (!context.Method.StartsWith(OurPackage, StringComparison.Ordinal))
        {
            return;
        }

        var caller = Caller.FromPrincipal(context.GetHttpContext().User);
        var allowed = RpcPermissions.RolesFor(context.Method);
        if (!allowed.Contains(caller.Role))
        {
            throw new AccessDeniedException(
                ServiceReasons.RoleNotAllowed,
                $"Role '{caller.Role}' may not call {context.Method}; allowed: {string.Join(", ", allowed)}.",
                new Dictionary<string, string> { ["method"] = context.Method, ["role"] = caller.Role });
        }

        if (caller.Role != Roles.Supervisor && caller.Role != Roles.AuctionOrganization && caller.Office.Length == 0)
        {
            throw new AccessDeniedException(ServiceReasons.OfficeNotAllowed, "Your token carries no office claim.");
        }

        if (caller.Role == Roles.AuctionOrganization && caller.Organization.Length == 0)
        {
            throw new AccessDeniedException(ServiceReasons.OfficeNotAllowed, "Your token carries no org claim.");
        }
    }
}
