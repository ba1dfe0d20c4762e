using Quartz;

namespace AssetAuction.Service.Deadlines;

/// <summary>
/// The Quartz job: one sweep of the deadline watch, then its metrics. Quartz's job factory resolves each run of the
/// job in a scope of its own, so the scoped watch and database context are constructor parameters. Never runs twice
/// at once in a process.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DeadlineSweepJob(DeadlineWatch watch, DeadlineMetrics metrics) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var (missed, approaching) = await watch.SweepAsync(cancellationToken);
        await metrics.RecordSweepAsync(missed, approaching, cancellationToken);
    }
}
