using AssetAuction.Service.Audit;
using AssetAuction.Service.Events;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Operations;
using AssetAuction.Service.Security;
using AssetAuction.Service.Seizures;
using FluentValidation;

namespace AssetAuction.Service.Grpc;

internal static class GrpcSetup
{
    public static IServiceCollection AddAssetAuctionGrpc(this IServiceCollection services, IConfiguration configuration)
    {
        // Interceptors run in this order: errors are mapped outermost, then the role check, then validation.
        services.AddGrpc(o =>
        {
            o.Interceptors.Add<ExceptionInterceptor>();
            o.Interceptors.Add<AuthorizationInterceptor>();
            o.Interceptors.Add<ValidationInterceptor>();
        });
        services.AddGrpcReflection();
        // "" (readiness) includes the database; "liveness" only says the process answers,
        // so an orchestrator does not restart every pod during a database outage.
        services.AddGrpcHealthChecks(o => o.Services.Map("liveness", r => r.Tags.Contains("live")))
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database");
        services.AddValidatorsFromAssemblyContaining<ValidationInterceptor>(includeInternalTypes: true);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EventSignal>();
        services.AddSingleton<WriteGate>();
        services.AddScoped<MutationRunner>();
        services.Configure<EventFeedOptions>(configuration.GetSection(EventFeedOptions.Section));

        // Handlers: one class per RPC.
        services.AddScoped<RegisterSeizure>();
        services.AddScoped<GetAsset>();
        services.AddScoped<ListAssets>();
        services.AddScoped<ReleaseSeizure>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<StreamEvents>();
        return services;
    }

    public static WebApplication MapAssetAuctionGrpc(this WebApplication app)
    {
        app.MapGrpcService<SeizureGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<EventGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
