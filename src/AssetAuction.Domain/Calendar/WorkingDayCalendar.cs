namespace AssetAuction.Domain.Calendar;

/// <summary>
/// The calendar every statutory time limit is counted on: Saturdays, Sundays, the public
/// holidays of Labour Code 2019 art. 112 and their compensatory days (art. 111(3)) are off,
/// adjusted by the government's yearly decisions given as <see cref="CalendarOverrides"/>.
/// Periods are counted as the Civil Code 2015 says (art. 147-148). Thread-safe; each year is
/// built once on first use, so a deadline sweep over many rows costs lookups.
/// </summary>
public sealed class WorkingDayCalendar
{
    /// <summary>The first Gregorian year the calendar covers.</summary>
    public const int MinYear = LunarCalendar.MinYear;

    /// <summary>The last Gregorian year the calendar covers.</summary>
    public const int MaxYear = LunarCalendar.MaxYear;

    private readonly Dictionary<int, CalendarYearOverrides> _overrides;
    private readonly CalendarYear?[] _years = new CalendarYear?[MaxYear - MinYear + 1];

    /// <param name="overrides">The configured years; at most one entry per year.</param>
    /// <exception cref="ArgumentException">An override is inconsistent (see <see cref="CalendarYearOverrides"/>).</exception>
    public WorkingDayCalendar(CalendarOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        _overrides = [];
        foreach (var year in overrides.Years)
        {
            CalendarOverridesValidation.Validate(year);
            if (!_overrides.TryAdd(year.Year, year))
            {
                throw CalendarOverridesValidation.Invalid(year.Year, "the year is configured twice");
            }
        }

        // Build the configured years now, so conflicts (a working Saturday that is a holiday) surface at start-up.
        foreach (var year in _overrides.Keys)
        {
            _ = Year(year);
        }
    }

    /// <summary>True on a day state offices work: not a weekend (unless made a working day), not a day off.</summary>
    public bool IsWorkingDay(DateOnly date) => Year(date.Year).IsWorkingDay(date);

    /// <summary>
    /// The day a period of <paramref name="workingDays"/> working days ends when it is triggered on
    /// <paramref name="start"/>: counting starts the next day (BLDS art. 147(1)), so the result is
    /// the n-th working day after <paramref name="start"/>; zero gives <paramref name="start"/>.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        if (workingDays == 0)
        {
            return start;
        }

        var year = Year(start.Year);
        var target = year.WorkingDaysThrough(start) + workingDays;
        while (target > year.WorkingDayCount)
        {
            target -= year.WorkingDayCount;
            year = Year(year.Year + 1);
        }

        return year.NthWorkingDay(target);
    }

    /// <summary>
    /// The day a period of <paramref name="days"/> calendar days ends when triggered on
    /// <paramref name="start"/> (BLDS art. 147(1), 148(1)); when that day is a weekly rest day or a
    /// holiday, the period ends at the end of the next working day (art. 148(5)).
    /// </summary>
    public DateOnly AddCalendarDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return ThisOrNextWorkingDay(start.AddDays(days));
    }

    /// <summary>
    /// The day a period of <paramref name="months"/> months ends: the same day of the last month,
    /// or that month's last day when it has no such day (BLDS art. 148(3)), moved to the next
    /// working day when it is not one (art. 148(5)).
    /// </summary>
    public DateOnly AddMonths(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        return ThisOrNextWorkingDay(start.AddMonths(months));
    }

    /// <summary><paramref name="date"/> when it is a working day, otherwise the next working day (BLDS art. 148(5)).</summary>
    public DateOnly ThisOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/>, so that
    /// <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>; negative when <paramref name="to"/>
    /// is before <paramref name="from"/>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = Year(to.Year).WorkingDaysThrough(to) - Year(from.Year).WorkingDaysThrough(from);
        for (var y = from.Year; y < to.Year; y++)
        {
            count += Year(y).WorkingDayCount;
        }

        return count;
    }

    /// <summary>The days off in <paramref name="year"/> other than ordinary weekends, in date order, with names for display.</summary>
    public IReadOnlyList<Holiday> HolidaysIn(int year) => Year(year).Holidays;

    private CalendarYear Year(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new CalendarRangeException(year);
        }

        ref var slot = ref _years[year - MinYear];
        if (Volatile.Read(ref slot) is { } built)
        {
            return built;
        }

        // Two threads may build the same year at once; both results are equal and the first one stays.
        var fresh = CalendarYear.Build(year, _overrides.GetValueOrDefault(year));
        return Interlocked.CompareExchange(ref slot, fresh, null) ?? fresh;
    }
}
