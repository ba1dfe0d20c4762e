using AssetAuction.Service.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetAuction.Service.Operations;

/// <summary>grpc.health.v1 reports SERVING only while the database answers.</summary>
internal sealed class DatabaseHealthCheck(AssetAuctionDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
