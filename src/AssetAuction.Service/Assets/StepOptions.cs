namespace AssetAuction.Service.Assets;

/// <summary>
/// The settings a step decides with. The one setting lives in the "DeadlineWatch" section beside the other time-limit
/// settings (DeadlineWatchOptions.RecordedLateAfterWorkingDays, default 5), and AddDeadlines copies it here, so the
/// steps need not know the deadline watch.
/// </summary>
public sealed class StepOptions
{
    /// <summary>An act keyed in more than this many working days after its legal date is marked "recorded late".</summary>
    public int RecordedLateAfterWorkingDays { get; set; }
}
