namespace AssetAuction.Service.Operations;

internal static class OperationsSetup
{
    /// <summary>
    /// Health: "" (readiness) includes the database and the migrations; "liveness" only says the process answers,
    /// so an orchestrator does not restart every pod during a database outage. Served as grpc.health.v1 and over HTTP.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services)
    {
        services.AddGrpcHealthChecks(o => o.Services.Map("liveness", r => r.Tags.Contains("live")))
            .AddCheck("self", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<MigrationsHealthCheck>("migrations");
        return services;
    }
}
