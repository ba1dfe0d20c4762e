using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace AssetAuction.Service.Telemetry;

/// <summary>
/// The service's own instruments (meter "AssetAuction"), beside ASP.NET Core's HTTP, EF Core's and the
/// runtime's. Static, like the Meter the runtime's own libraries use: recording is free when nobody listens.
/// </summary>
public static class AssetAuctionMetrics
{
    public const string MeterName = "AssetAuction";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>gRPC calls (also those that came in as JSON) by rpc.method and rpc.grpc.status_code.</summary>
    public static readonly Counter<long> Calls = Meter.CreateCounter<long>("assetauction.rpc.calls", "{call}", "RPCs handled, by method and gRPC status.");

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>("assetauction.rpc.duration", "s", "Time to handle an RPC, by method and gRPC status.");

    /// <summary>Server streams (the event feed, an organization's rounds) open now.</summary>
    public static readonly UpDownCounter<long> OpenStreams = Meter.CreateUpDownCounter<long>("assetauction.streams.open", "{stream}", "Server streams open now, by method.");

    public static readonly Histogram<long> StatementLines = Meter.CreateHistogram<long>("assetauction.statement.import.lines", "{line}", "Lines per imported bank or treasury statement.");

    public static readonly Histogram<long> StatementBytes = Meter.CreateHistogram<long>("assetauction.statement.import.size", "By", "Size of imported statements.");

    /// <summary>How long each write batch held the write lock (the journal head), from its transaction's start to its commit.</summary>
    public static readonly Histogram<double> WriteLockWait = Meter.CreateHistogram<double>("assetauction.write.lock_wait", "s", "Time a write batch held the write lock, start to commit.");

    /// <summary>How many mutations shared each commit (group commit).</summary>
    public static readonly Histogram<long> WriteBatchSize = Meter.CreateHistogram<long>("assetauction.write.batch_size", "{write}", "Mutations written by one commit.");

    /// <summary>How each write decided before the lock was saved: "prepared" statements, or "ef_core" SaveChanges (see PreparedWrites).</summary>
    public static readonly Counter<long> WriteSaves = Meter.CreateCounter<long>("assetauction.write.saves", "{write}", "Writes decided before the lock, by method and by what saved them (prepared statements or EF Core).");

    /// <summary>Assets GetAsset and ListAssets answered, by what served each: its stored "view", or a "load" of the asset (see AssetViews).</summary>
    public static readonly Counter<long> AssetReads = Meter.CreateCounter<long>("assetauction.asset.reads", "{asset}", "Assets read by GetAsset and ListAssets, by what served them (the stored view, or a load of the asset).");

    /// <summary>Idle trims: full collections that gave memory back after a load (see Memory/IdleMemoryTrim.cs).</summary>
    public static readonly Counter<long> IdleTrims = Meter.CreateCounter<long>("assetauction.memory.idle_trims", "{trim}", "Times the idle service gave memory back after a load.");

    public static readonly Counter<long> DeadlineSweeps = Meter.CreateCounter<long>("assetauction.deadlines.sweeps", "{sweep}", "Deadline watch sweeps run.");

    /// <summary>Time limits reported by the sweeps, by outcome (missed or approaching).</summary>
    public static readonly Counter<long> DeadlinesReported = Meter.CreateCounter<long>("assetauction.deadlines.reported", "{time_limit}", "Time limits reported by the deadline watch, by outcome.");

    private static readonly ConcurrentDictionary<string, long> Overdue = new(StringComparer.Ordinal);

    static AssetAuctionMetrics() =>
        Meter.CreateObservableGauge("assetauction.deadlines.overdue", () => Overdue.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("office", o.Key))),
            "{time_limit}", "Open time limits past their due day, by office, as of the last sweep.");

    /// <summary>The overdue count per office found by the last sweep (offices no longer listed read 0).</summary>
    public static void SetOverdue(IReadOnlyDictionary<string, int> byOffice)
    {
        foreach (var office in Overdue.Keys.Except(byOffice.Keys))
        {
            Overdue[office] = 0;
        }

        foreach (var (office, count) in byOffice)
        {
            Overdue[office] = count;
        }
    }
}
