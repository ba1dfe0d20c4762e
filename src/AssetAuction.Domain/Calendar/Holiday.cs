namespace AssetAuction.Domain.Calendar;

/// <summary>Why a weekday is a day off.</summary>
public enum HolidayKind
{
    /// <summary>A public holiday of Labour Code 2019 art. 112(1), computed or as fixed by the Prime Minister (art. 112(3)).</summary>
    Statutory,

    /// <summary>The day off given for a statutory holiday that fell on a weekly rest day (Labour Code 2019 art. 111(3)).</summary>
    Compensatory,

    /// <summary>An extra day off from the year's overrides (a bridge or swap day decided by the government).</summary>
    Additional,
}

/// <summary>A day off, with an English name for display (clients localize).</summary>
public sealed record Holiday(DateOnly Date, string Name, HolidayKind Kind);
