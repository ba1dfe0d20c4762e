using AssetAuction.Service.Telemetry;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Memory;

/// <summary>
/// Gives memory back to the system once the service is idle after a load.
/// Why it is needed (measured with the benchmarks' streams probe, README "Limits and hardening"): the GC runs only
/// when the process allocates. Thousands of event streams live long enough to reach generation 2, so when they close
/// their memory is garbage that only a full collection reclaims, and an idle service allocates too little to ever
/// trigger one: 100 MB of dead generation-2 objects stayed committed, and resident, for as long as the service stayed
/// idle. Nothing leaks; the memory just waits.
/// What it does: when <see cref="IdleTrimPolicy"/> says so, one <c>GC.Collect</c> with
/// <see cref="GCCollectionMode.Aggressive"/>, the mode the runtime provides for exactly this (a blocking, compacting
/// full collection that then decommits every free region instead of keeping it for the next burst), and, on glibc,
/// malloc_trim for the C heap (<see cref="NativeHeap"/>). It runs only when the service is idle, so its pause (measured
/// 68 ms on a quiet 2-core machine, up to 640 ms on a saturated one, most of it handing ~120 MB back) delays almost
/// nobody, and at most once per <see cref="MemoryTrimOptions.MinTimeBetweenTrims"/>. Under load the GC's own
/// collections do this work, so this never runs then. Not a collection when the last stream closes: streams close
/// one by one under load too, and "no streams open" says nothing about whether the service is busy.
/// </summary>
public sealed class IdleMemoryTrim(RequestTraffic traffic, IOptions<MemoryTrimOptions> options, TimeProvider clock, ILogger<IdleMemoryTrim> logger) : BackgroundService
{
    /// <summary>How often idleness is checked: cheap (two counters), and fine-grained enough for the idle period.</summary>
    internal static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private int _trims;
    private int _checks;

    // For tests on a fake clock, which must know that the timer exists before moving the clock (a move before it is
    // lost to it) and when a check has seen the time they set; awaited instead of polled.
    private readonly TaskCompletionSource _timerStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _checked = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Trims run by this host (also counted by the metric assetauction.memory.idle_trims).</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Checks done so far (for tests on a fake clock: a check has seen the time they set).</summary>
    internal int Checks => Volatile.Read(ref _checks);

    /// <summary>Completes once the check timer exists: from then on a move of the clock reaches it.</summary>
    internal Task TimerStarted => _timerStarted.Task;

    /// <summary>Completes once more than <paramref name="checks"/> checks have been done.</summary>
    internal async Task WhenCheckedAsync(int checks, CancellationToken ct)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _checked);
            if (Checks > checks)
            {
                return;
            }

            await signal.Task.WaitAsync(ct);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.TrimWhenIdle)
        {
            return;
        }

        var policy = new IdleTrimPolicy(settings, clock.GetUtcNow(), traffic.Events, Committed());
        using var timer = new PeriodicTimer(CheckInterval, clock);
        _timerStarted.TrySetResult();
        while (true)
        {
            try
            {
                await timer.WaitForNextTickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            if (policy.ShouldTrim(clock.GetUtcNow(), traffic.Events, Committed()))
            {
                Trim(settings);
                policy.Trimmed(clock.GetUtcNow(), Committed());
            }

            Interlocked.Increment(ref _checks);
            Interlocked.Exchange(ref _checked, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private void Trim(MemoryTrimOptions settings)
    {
        var (residentBefore, committedBefore, pausedBefore) = (Environment.WorkingSet, Committed(), GC.GetTotalPauseDuration());
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var pause = GC.GetTotalPauseDuration() - pausedBefore;
        if (settings.TrimNativeHeap)
        {
            NativeHeap.Trim();
        }

        Interlocked.Increment(ref _trims);
        AssetAuctionMetrics.IdleTrims.Add(1);
        logger.LogInformation(
            "Idle after a load: memory given back (GC committed {CommittedBefore} -> {CommittedAfter} MB, resident {ResidentBefore} -> {ResidentAfter} MB, GC pause {PauseMs:0.0} ms)",
            committedBefore >> 20, Committed() >> 20, residentBefore >> 20, Environment.WorkingSet >> 20, pause.TotalMilliseconds);
    }

    /// <summary>What the GC had committed at its last collection.</summary>
    private static long Committed() => GC.GetGCMemoryInfo().TotalCommittedBytes;
}
