using Quartz;

namespace AssetAuction.Service.Deadlines;

/// <summary>The Quartz job: one sweep of the deadline watch in its own scope. Never runs twice at once in a process.</summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSweepJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (missed, approaching) = await scope.ServiceProvider.GetRequiredService<DeadlineWatch>().SweepAsync(cancellationToken);
        await Telemetry.DeadlineMetrics.RecordSweepAsync(scope.ServiceProvider, missed, approaching, cancellationToken);
    }
}
