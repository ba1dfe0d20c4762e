using AssetAuction.Domain.Common;
using AssetAuction.Domain.Statistics;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Computes the country's report of the current month and of the last closed month once, in the background, when
/// the service starts, so that the first supervisor to ask finds every office's figures cached (a country's year
/// from scratch costs about 5 s of CPU; from the cache about 0.1 s). Reads only. A failure here only means the
/// first report computes them itself, so it is logged and the service goes on. `Statistics:WarmUpOnStart`.
/// </summary>
public sealed partial class ReportWarmUp(IServiceScopeFactory scopes, TimeProvider clock, IOptions<StatisticsOptions> options, ILogger<ReportWarmUp> log) : BackgroundService
{
    /// <summary>The periods warmed at <paramref name="now"/>: cumulative to this month, and to the last one.</summary>
    public static IReadOnlyList<WorkingYear> PeriodsAt(DateTimeOffset now)
    {
        var today = VietnamTime.DateAt(now);
        var current = WorkingYear.Containing(today);
        var previous = WorkingYear.Containing(new DateOnly(today.Year, today.Month, 1).AddDays(-1));
        return [current, previous];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUpOnStart)
        {
            return;
        }

        // Let the start finish first: the warm-up is not on anyone's critical path.
        await Task.Yield();
        foreach (var period in PeriodsAt(clock.GetUtcNow()))
        {
            try
            {
                // A hosted service lives as long as the process; each warm-up gets its own scope, so its DbContext does not.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReportBuilder>().ComputeAsync(null, period, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Any failure only leaves the cache cold; the service must not stop for it.
                WarmUpFailed(log, e, period.Key);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming the country's working-year report {Period} failed; the first report will compute it.")]
    private static partial void WarmUpFailed(ILogger logger, Exception exception, string period);
}
