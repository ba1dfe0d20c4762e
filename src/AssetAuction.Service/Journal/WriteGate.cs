namespace AssetAuction.Service.Journal;

/// <summary>
/// Queues this process's writers before they open a transaction. SQLite allows one writer at a
/// time and makes the others poll with growing sleeps (busy_timeout), which under load costs far
/// more than waiting in line here. Other processes on the same file still meet busy_timeout, and
/// SQL Server queues on the journal row lock, so the gate is only a fast path, never the guarantee.
/// </summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _gate.WaitAsync(ct);
        Telemetry.AssetAuctionMetrics.WriteLockWait.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
