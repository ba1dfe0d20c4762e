using AssetAuction.Service.Security;
using FluentValidation;

namespace AssetAuction.Service.Grpc;

internal static class GrpcSetup
{
    /// <summary>
    /// The transport every area's gRPC service runs on: the interceptors, the malformed-message guard, reflection, and
    /// the request validators. The services themselves are registered by their areas (AddSeizures, AddPipeline ...).
    /// </summary>
    public static IServiceCollection AddAssetAuctionGrpc(this IServiceCollection services)
    {
        // Interceptors run in this order: errors are mapped outermost, then the role check, then validation.
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ExceptionInterceptor>();
            o.Interceptors.Add<AuthorizationInterceptor>();
            o.Interceptors.Add<ValidationInterceptor>();
        });
        services.AddMalformedMessageGuard();
        services.AddHttpContextAccessor(); // the bindings find a response's bytes in its call's items (SerializedResponses)
        services.AddGrpcReflection();

        // Singletons: their rules are built once; they depend on nothing but the clock.
        services.AddValidatorsFromAssemblyContaining<ValidationInterceptor>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static WebApplication MapAssetAuctionGrpc(this WebApplication app)
    {
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
