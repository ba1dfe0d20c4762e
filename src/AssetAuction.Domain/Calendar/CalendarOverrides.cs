namespace AssetAuction.Domain.Calendar;

/// <summary>
/// What the government decided for each year, on top of the computed holidays: the service binds
/// it from configuration. Labour Code 2019 art. 112(3) leaves the exact Lunar New Year and
/// National Day days to the Prime Minister, and civil servants follow yearly swap notices, so
/// the computed calendar is only a default (LAW-NOTES 6B: "use a data table per year").
/// </summary>
public sealed record CalendarOverrides
{
    /// <summary>No overrides: the computed defaults for every year.</summary>
    public static CalendarOverrides None { get; } = new();

    /// <summary>At most one entry per year.</summary>
    public IReadOnlyList<CalendarYearOverrides> Years { get; init; } = [];
}

/// <summary>One year's decisions. Every date must fall in <see cref="Year"/>.</summary>
public sealed record CalendarYearOverrides
{
    /// <summary>The Gregorian year these decisions are for.</summary>
    public int Year { get; init; }

    /// <summary>
    /// The Lunar New Year days as decided (replacing the computed five days). They are days off as
    /// listed; no compensatory day is added for them.
    /// </summary>
    public IReadOnlyList<DateOnly>? LunarNewYearDays { get; init; }

    /// <summary>The day beside 2 September taken for National Day: 1 or 3 September (replacing the default, 1 September).</summary>
    public DateOnly? NationalDayAdjacentDay { get; init; }

    /// <summary>
    /// The compensatory days off as decided (replacing the computed ones). Use it when the
    /// government's notice places them differently from the next-working-day rule.
    /// </summary>
    public IReadOnlyList<DateOnly>? CompensatoryDays { get; init; }

    /// <summary>More days off: bridge days, swapped days, a newly decreed holiday.</summary>
    public IReadOnlyList<DayOff> ExtraDaysOff { get; init; } = [];

    /// <summary>Saturdays or Sundays that are working days (the make-up day of a swap).</summary>
    public IReadOnlyList<DateOnly> WorkingWeekendDays { get; init; } = [];
}

/// <summary>An extra day off and the name to display for it.</summary>
public sealed record DayOff
{
    public DateOnly Date { get; init; }

    public string Name { get; init; } = "Day off by government decision";
}
