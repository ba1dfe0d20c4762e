using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AssetAuction.Service.Operations;

/// <summary>Not ready while the database lacks migrations this build needs (the migration Job has not run yet, or
/// failed): serving then would fail on missing tables or columns. Liveness does not include it.</summary>
internal sealed class MigrationsHealthCheck(AssetAuctionDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending, first {pending[0]}: run the `migrate` command.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The migration history cannot be read.", e);
        }
    }
}
