namespace AssetAuction.Domain.Calendar;

/// <summary>
/// One Gregorian year's working days, built once and then read without allocation: a flag per
/// day and a running count, so counting and adding working days are lookups and a binary search.
/// </summary>
internal sealed class CalendarYear
{
    private readonly bool[] _isWorking;

    /// <summary>_workingThrough[i] = working days from 1 January to day-of-year i + 1, inclusive.</summary>
    private readonly int[] _workingThrough;

    private CalendarYear(int year, IReadOnlyList<Holiday> holidays, bool[] isWorking)
    {
        Year = year;
        Holidays = holidays;
        _isWorking = isWorking;
        _workingThrough = new int[isWorking.Length];
        var count = 0;
        for (var i = 0; i < isWorking.Length; i++)
        {
            count += isWorking[i] ? 1 : 0;
            _workingThrough[i] = count;
        }
    }

    public int Year { get; }

    public IReadOnlyList<Holiday> Holidays { get; }

    public int WorkingDayCount => _workingThrough[^1];

    public static CalendarYear Build(int year, CalendarYearOverrides? overrides)
    {
        var statutory = PublicHolidays.Statutory(year, overrides);
        var compensatory = overrides?.CompensatoryDays?.Select(d => new Holiday(d, "Compensatory day off", HolidayKind.Compensatory)).ToList()
            ?? PublicHolidays.Compensatory(statutory);
        var additional = (overrides?.ExtraDaysOff ?? []).Select(d => new Holiday(d.Date, d.Name, HolidayKind.Additional));
        var holidays = statutory.Concat(compensatory).Concat(additional)
            .OrderBy(h => h.Date).ThenBy(h => h.Kind)
            .ToList();

        var jan1 = new DateOnly(year, 1, 1);
        var isWorking = new bool[DateTime.IsLeapYear(year) ? 366 : 365];
        for (var i = 0; i < isWorking.Length; i++)
        {
            isWorking[i] = !PublicHolidays.IsWeeklyRestDay(jan1.AddDays(i));
        }

        foreach (var day in overrides?.WorkingWeekendDays ?? [])
        {
            if (holidays.Any(h => h.Date == day))
            {
                throw CalendarOverridesValidation.Invalid(year, $"{day:yyyy-MM-dd} is listed as a working day but is also a day off");
            }

            isWorking[day.DayOfYear - 1] = true;
        }

        foreach (var holiday in holidays)
        {
            isWorking[holiday.Date.DayOfYear - 1] = false;
        }

        return new CalendarYear(year, holidays.AsReadOnly(), isWorking);
    }

    public bool IsWorkingDay(DateOnly date) => _isWorking[date.DayOfYear - 1];

    /// <summary>Working days from 1 January to <paramref name="date"/>, inclusive.</summary>
    public int WorkingDaysThrough(DateOnly date) => _workingThrough[date.DayOfYear - 1];

    /// <summary>The <paramref name="n"/>-th working day of the year (1-based); n must be 1..<see cref="WorkingDayCount"/>.</summary>
    public DateOnly NthWorkingDay(int n)
    {
        // First index whose running count reaches n: that day is itself a working day.
        int lo = 0, hi = _workingThrough.Length - 1;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_workingThrough[mid] < n)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return new DateOnly(Year, 1, 1).AddDays(lo);
    }
}
