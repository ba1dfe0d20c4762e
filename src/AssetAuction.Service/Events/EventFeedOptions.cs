namespace AssetAuction.Service.Events;

/// <summary>The "Events" configuration section.</summary>
public sealed class EventFeedOptions
{
    public const string Section = "Events";

    /// <summary>How often the process looks (once, for all its live streams) for events committed by other processes on the same database.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows read per query while catching up.</summary>
    public int BatchSize { get; set; } = 500;
}
