namespace AssetAuction.Service.Memory;

/// <summary>
/// When the process gives back, once it is idle after a load, the memory the load left behind (configuration section
/// "Memory"). See <see cref="IdleMemoryTrim"/> for why this is needed; every value is validated when the host starts.
/// </summary>
public sealed class MemoryTrimOptions
{
    public const string Section = "Memory";

    /// <summary>Give memory back after a load once the service is idle. Off: the garbage waits for the next full collection.</summary>
    public bool TrimWhenIdle { get; set; } = true;

    /// <summary>How long the service must have been idle (see <see cref="IdleRequestsPerMinute"/>) before it trims.</summary>
    public TimeSpan IdleBeforeTrim { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Requests started or ended per minute that still count as idle: health probes and metric scrapes go on while
    /// nobody uses the service. A stream counts when it opens and when it closes, not while it stays open.
    /// </summary>
    public int IdleRequestsPerMinute { get; set; } = 60;

    /// <summary>
    /// Trim only when the GC holds at least this much more committed memory than right after the last trim (or at
    /// start-up): a small burst leaves too little behind to be worth a full collection.
    /// </summary>
    public long TrimMinimumGrowthBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// At most one trim per this interval, however often load and idleness alternate. A trim pauses the process for
    /// tens of milliseconds, and only while it is idle, so a minute is plenty.
    /// </summary>
    public TimeSpan MinTimeBetweenTrims { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Also hand the C heap's free pages back (glibc's malloc_trim; a no-op elsewhere): SQLite's page caches live there.</summary>
    public bool TrimNativeHeap { get; set; } = true;

    /// <summary>The setting that is out of range, or null when all are fine.</summary>
    public string? Problem()
    {
        string? Within(string name, double value, double min, double max) =>
            value >= min && value <= max ? null : $"{Section}:{name} must be between {min} and {max} (is {value})";

        return Within(nameof(IdleBeforeTrim) + " (seconds)", IdleBeforeTrim.TotalSeconds, 1, 86_400)
            ?? Within(nameof(IdleRequestsPerMinute), IdleRequestsPerMinute, 0, 1_000_000)
            ?? Within(nameof(TrimMinimumGrowthBytes), TrimMinimumGrowthBytes, 0, 1L << 40)
            ?? Within(nameof(MinTimeBetweenTrims) + " (seconds)", MinTimeBetweenTrims.TotalSeconds, 0, 7 * 86_400);
    }
}
