using static AssetAuction.Domain.Calendar.LunarAstronomy;

namespace AssetAuction.Domain.Calendar;

/// <summary>
/// Converts between the Vietnamese lunar calendar and the Gregorian calendar, computed for
/// Vietnam's time zone (UTC+7) with Ho Ngoc Duc's algorithm. Public holidays on lunar dates
/// (Labour Code 2019 art. 112(1)(b), (c)) are computed from it.
/// </summary>
public static class LunarCalendar
{
    /// <summary>The first lunar year supported.</summary>
    public const int MinYear = 1900;

    /// <summary>The last lunar year supported.</summary>
    public const int MaxYear = 2100;

    /// <summary>The first Gregorian day supported: lunar 1/1/<see cref="MinYear"/>.</summary>
    public static DateOnly MinDate { get; } = ToGregorian(new LunarDate(MinYear, 1, 1));

    /// <summary>The last Gregorian day supported: the last day of lunar year <see cref="MaxYear"/>.</summary>
    public static DateOnly MaxDate { get; } = FromJulianDay(MonthStart(MaxYear + 1, 1, isLeapMonth: false) - 1);

    /// <summary>The Gregorian day of Tết (lunar 1/1) of lunar year <paramref name="year"/>.</summary>
    public static DateOnly LunarNewYear(int year) => ToGregorian(new LunarDate(year, 1, 1));

    /// <summary>The Gregorian day of a lunar date.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1900-2100, or the month or day does not exist in that year.</exception>
    public static DateOnly ToGregorian(LunarDate date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date.Year, MinYear, nameof(date));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date.Year, MaxYear, nameof(date));
        var start = MonthStart(date.Year, date.Month, date.IsLeapMonth);
        var length = MonthLength(start);
        if (date.Day < 1 || date.Day > length)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"This lunar month has {length} days.");
        }

        return FromJulianDay(start + date.Day - 1);
    }

    /// <summary>The lunar date of a Gregorian day.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The day is outside <see cref="MinDate"/>..<see cref="MaxDate"/>.</exception>
    public static LunarDate FromGregorian(DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(date, MinDate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(date, MaxDate);
        return FromJulianDayUnchecked(date.DayNumber + JulianDayOffset, date.Year);
    }

    /// <summary>The number of the month that is doubled in lunar year <paramref name="year"/>, or null when the year has 12 months.</summary>
    public static int? LeapMonth(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);

        // A leap month of lunar year Y sits either in the span from month 11 of Y-1 (months 11, 12, 1..10)
        // or in the span from month 11 of Y (months 11, 12 of Y). Look for one in each.
        var fromPreviousSpan = LeapMonthInSpan(year - 1);
        if (fromPreviousSpan is >= 1 and <= 10)
        {
            return fromPreviousSpan;
        }

        var fromOwnSpan = LeapMonthInSpan(year);
        return fromOwnSpan is 11 or 12 ? fromOwnSpan : null;
    }

    /// <summary>The leap month in the span starting at month 11 of Gregorian year <paramref name="year"/>, if that span has 13 months.</summary>
    private static int? LeapMonthInSpan(int year)
    {
        var a11 = Month11Start(year);
        if (Month11Start(year + 1) - a11 <= 365)
        {
            return null;
        }

        var month = LeapMonthOffset(a11) - 2;
        return month < 1 ? month + 12 : month;
    }

    /// <summary>The Julian day number on which a lunar month starts.</summary>
    private static int MonthStart(int year, int month, bool isLeapMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);

        // Months 11 and 12 belong to the span starting at month 11 of the same Gregorian year;
        // months 1-10 to the span starting at month 11 of the year before.
        var spanYear = month < 11 ? year - 1 : year;
        var a11 = Month11Start(spanYear);
        var b11 = Month11Start(spanYear + 1);
        var offset = month >= 11 ? month - 11 : month + 1;

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2 < 1 ? leapOffset - 2 + 12 : leapOffset - 2;
            if (isLeapMonth && month != leapMonth)
            {
                throw new ArgumentOutOfRangeException(nameof(isLeapMonth), isLeapMonth, $"Month {month} of lunar year {year} is not a leap month.");
            }

            if (isLeapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (isLeapMonth)
        {
            throw new ArgumentOutOfRangeException(nameof(isLeapMonth), isLeapMonth, $"Month {month} of lunar year {year} is not a leap month.");
        }

        return NewMoonDay(LunationAt(a11) + offset);
    }

    private static int MonthLength(int monthStart) => NewMoonDay(LunationAt(monthStart) + 1) - monthStart;

    private static LunarDate FromJulianDayUnchecked(int julianDay, int gregorianYear)
    {
        // The mean lunation is only an estimate of the true new moon; step until the month holds the day.
        // (Ho Ngoc Duc's code steps back once only, which gives day 0 for a few days, e.g. in 2054.)
        var k = (int)Math.Floor((julianDay - Lunation0) / SynodicMonth);
        while (NewMoonDay(k + 1) <= julianDay)
        {
            k++;
        }

        while (NewMoonDay(k) > julianDay)
        {
            k--;
        }

        var monthStart = NewMoonDay(k);

        // Find the span (month 11 to the next month 11) holding the day.
        var a11 = Month11Start(gregorianYear);
        int b11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = gregorianYear;
            b11 = a11;
            a11 = Month11Start(gregorianYear - 1);
        }
        else
        {
            lunarYear = gregorianYear + 1;
            b11 = Month11Start(gregorianYear + 1);
        }

        var monthsAfter11 = (monthStart - a11) / 29;
        var month = monthsAfter11 + 11;
        var isLeap = false;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            if (monthsAfter11 >= leapOffset)
            {
                month = monthsAfter11 + 10;
                isLeap = monthsAfter11 == leapOffset;
            }
        }

        if (month > 12)
        {
            month -= 12;
        }

        // Months 11 and 12 near the start of the span still belong to the previous lunar year.
        if (month >= 11 && monthsAfter11 < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarYear, month, julianDay - monthStart + 1, isLeap);
    }

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOffset);
}
