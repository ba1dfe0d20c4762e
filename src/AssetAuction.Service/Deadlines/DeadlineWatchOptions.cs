namespace AssetAuction.Service.Deadlines;

/// <summary>The "Deadlines" configuration section.</summary>
public sealed class DeadlineWatchOptions
{
    public const string Section = "Deadlines";

    /// <summary>Run the sweep job at all (it also runs once at start-up, to catch what fell due while the service was down).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the sweep runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SQL Server only: how often each node of the Quartz cluster checks in; a node silent for longer is taken as down and its work recovered.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// SQL Server only: how long past a missed check-in the other nodes wait before they take a node as down and
    /// recover its work. Keep it above the longest pause a healthy node may have (GC, a database failover).
    /// </summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A reminder goes out when a time limit is due within this many working days.</summary>
    public int ReminderLeadWorkingDays { get; set; } = 2;

    /// <summary>
    /// An act keyed in more than this many working days after its legal date is marked "recorded late" on the asset
    /// and its history line, for inspectors (ListAssets filters on it).
    /// </summary>
    public int RecordedLateAfterWorkingDays { get; set; } = 5;

    /// <summary>Time limits reported per sweep and kind; the next sweep takes the rest.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>The backlog view's "large case" threshold in dong (the agencies' reports use 20 billion).</summary>
    public long LargeSumThreshold { get; set; } = 20_000_000_000;
}
