namespace AssetAuction.Domain.Calendar;

/// <summary>Checks a configured year before it is used, so a bad configuration fails at start-up and not in a deadline.</summary>
internal static class CalendarOverridesValidation
{
    internal static void Validate(CalendarYearOverrides year)
    {
        if (year.Year is < LunarCalendar.MinYear or > LunarCalendar.MaxYear)
        {
            throw Invalid(year.Year, $"the year must be between {LunarCalendar.MinYear} and {LunarCalendar.MaxYear}");
        }

        if (year.LunarNewYearDays is { Count: 0 })
        {
            throw Invalid(year.Year, "LunarNewYearDays, when given, must list the decided days (Labour Code 2019 art. 112(1)(b) gives five)");
        }

        if (year.NationalDayAdjacentDay is { } adjacent && adjacent != new DateOnly(year.Year, 9, 1) && adjacent != new DateOnly(year.Year, 9, 3))
        {
            throw Invalid(year.Year, "NationalDayAdjacentDay must be 1 or 3 September (Labour Code 2019 art. 112(1)(đ))");
        }

        var dates = (year.LunarNewYearDays ?? [])
            .Concat(year.CompensatoryDays ?? [])
            .Concat(year.ExtraDaysOff.Select(d => d.Date))
            .Concat(year.WorkingWeekendDays);
        foreach (var date in dates.Where(d => d.Year != year.Year))
        {
            throw Invalid(year.Year, $"{date:yyyy-MM-dd} is not in {year.Year}");
        }

        foreach (var date in year.WorkingWeekendDays.Where(d => !PublicHolidays.IsWeeklyRestDay(d)))
        {
            throw Invalid(year.Year, $"{date:yyyy-MM-dd} is a {date.DayOfWeek}; WorkingWeekendDays lists Saturdays and Sundays only");
        }
    }

    internal static ArgumentException Invalid(int year, string problem) =>
        new($"Calendar overrides for {year}: {problem}.");
}
