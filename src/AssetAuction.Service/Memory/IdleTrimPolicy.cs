namespace AssetAuction.Service.Memory;

/// <summary>
/// Decides, from what it is shown at each check, when to trim: after a load (more requests than
/// <see cref="MemoryTrimOptions.IdleRequestsPerMinute"/>), once the service has been idle for
/// <see cref="MemoryTrimOptions.IdleBeforeTrim"/>, when the GC holds at least
/// <see cref="MemoryTrimOptions.TrimMinimumGrowthBytes"/> more than after the last trim, and no sooner than
/// <see cref="MemoryTrimOptions.MinTimeBetweenTrims"/> after it. No I/O and no clock of its own.
/// </summary>
public sealed class IdleTrimPolicy(MemoryTrimOptions options, DateTimeOffset start, long requestEvents, long committedBytes)
{
    private DateTimeOffset _lastCheck = start;
    private long _lastEvents = requestEvents;
    private DateTimeOffset? _quietSince;
    private bool _loadSinceTrim;
    private DateTimeOffset? _lastTrim;
    private long _baseline = committedBytes;

    /// <summary>Whether to trim now, given the request events counted so far and the GC's committed bytes.</summary>
    public bool ShouldTrim(DateTimeOffset now, long requestEvents, long committedBytes)
    {
        var elapsed = now - _lastCheck;
        var events = requestEvents - _lastEvents;
        var previous = _lastCheck;
        (_lastCheck, _lastEvents) = (now, requestEvents);
        // Compared per second, so a rate exactly at the limit is exact (no fractions of a minute).
        if (events * 60.0 > options.IdleRequestsPerMinute * elapsed.TotalSeconds)
        {
            _loadSinceTrim = true;
            _quietSince = null;
            return false;
        }

        _quietSince ??= previous;
        if (!_loadSinceTrim || now - _quietSince < options.IdleBeforeTrim || (_lastTrim is { } last && now - last < options.MinTimeBetweenTrims))
        {
            return false;
        }

        // A minimum of 0 is no minimum: every load is followed by a trim, even when the GC holds less than at the
        // baseline (its own collections may have given memory back meanwhile; "at least 0 more" would then never hold).
        if (options.TrimMinimumGrowthBytes > 0 && committedBytes - _baseline < options.TrimMinimumGrowthBytes)
        {
            // The load left too little behind: nothing to do until the next one.
            _loadSinceTrim = false;
            return false;
        }

        return true;
    }

    /// <summary>A trim ran: what the GC holds now is the new baseline, and the next trim needs another load.</summary>
    public void Trimmed(DateTimeOffset now, long committedBytes)
    {
        _lastTrim = now;
        _baseline = committedBytes;
        _loadSinceTrim = false;
    }
}
