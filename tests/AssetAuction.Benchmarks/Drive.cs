using System.Diagnostics;
using Grpc.Core;

namespace AssetAuction.Benchmarks;

/// <summary>What one closed-loop run measured: calls that completed (failures counted apart), wall time and latencies.</summary>
public sealed record Measured(int InFlight, int Calls, int Failures, TimeSpan Elapsed, double[] SortedMs)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double P99 => Percentile(0.99);

    public double Max => SortedMs.Length == 0 ? double.NaN : SortedMs[^1];

    private double Percentile(double p) => SortedMs.Length == 0 ? double.NaN : SortedMs[Math.Min(SortedMs.Length - 1, (int)(SortedMs.Length * p))];
}

/// <summary>
/// A closed loop: <c>inFlight</c> workers each send a call, wait for its answer and send the next, until the time is up
/// or <c>limit</c> calls were made. A call that returns false had nothing left to do (a pool of assets ran dry) and ends
/// its worker without being counted. An RpcException counts as a failure; the first few are printed.
/// </summary>
public static class Drive
{
    public static async Task<Measured> RunAsync(int inFlight, TimeSpan duration, Func<int, Task<bool>> call, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(call);
        var next = -1;
        var failures = 0;
        var latencies = new List<double>[inFlight];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            int i;
            while (clock.Elapsed < duration && (i = Interlocked.Increment(ref next)) < limit)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (!await call(i))
                    {
                        return;
                    }
                }
                catch (RpcException e)
                {
                    if (Interlocked.Increment(ref failures) <= 3)
                    {
                        Console.Error.WriteLine($"call {i}: {e.Status}");
                    }

                    continue;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        clock.Stop();
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new Measured(inFlight, all.Length, failures, clock.Elapsed, all);
    }
}
