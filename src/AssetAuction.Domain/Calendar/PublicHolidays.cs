namespace AssetAuction.Domain.Calendar;

/// <summary>
/// The public holidays of Labour Code 2019 art. 112(1) and the compensatory days of art. 111(3),
/// computed for a year. The lunar days use Vietnam's lunar calendar (UTC+7).
/// </summary>
/// <remarks>
/// Every year is computed with these rules, except that National Day is one day (2 September)
/// before 2021, as under Labour Code 2012 art. 115(1)(đ). Years before 2013 (Labour Code 1994)
/// are not modelled separately: supply overrides if a historical year must be exact.
/// </remarks>
public static class PublicHolidays
{
    public const string NewYearsDay = "New Year's Day";
    public const string LunarNewYear = "Lunar New Year";
    public const string HungKingsDay = "Hung Kings' Commemoration Day";
    public const string ReunificationDay = "Reunification Day";
    public const string LabourDay = "International Labour Day";
    public const string NationalDay = "National Day";

    /// <summary>The first year with two National Day days (Labour Code 2019, in force 2021-01-01).</summary>
    private const int FirstYearOfTwoDayNationalDay = 2021;

    /// <summary>
    /// The five Lunar New Year days as computed: the last day of the lunar year (29 or 30 of
    /// month 12) and lunar 1/1 to 1/4. Art. 112(3) leaves the exact days to the Prime Minister;
    /// this is the default used until the year's decision is configured.
    /// </summary>
    public static IReadOnlyList<DateOnly> DefaultLunarNewYearDays(int year)
    {
        var firstDay = LunarCalendar.LunarNewYear(year);
        return [firstDay.AddDays(-1), firstDay, firstDay.AddDays(1), firstDay.AddDays(2), firstDay.AddDays(3)];
    }

    /// <summary>
    /// The statutory holidays of art. 112(1) in <paramref name="year"/>, with the year's decided
    /// Lunar New Year and National Day days from <paramref name="overrides"/> when given.
    /// </summary>
    public static IReadOnlyList<Holiday> Statutory(int year, CalendarYearOverrides? overrides = null)
    {
        var days = new List<Holiday> { new(new DateOnly(year, 1, 1), NewYearsDay, HolidayKind.Statutory) };
        var lunarNewYear = overrides?.LunarNewYearDays ?? DefaultLunarNewYearDays(year);
        days.AddRange(lunarNewYear.Select(d => new Holiday(d, LunarNewYear, HolidayKind.Statutory)));
        // Art. 112(1)(c): lunar 10/3, in the regular third month when the year also has a leap third month.
        days.Add(new(LunarCalendar.ToGregorian(new LunarDate(year, 3, 10)), HungKingsDay, HolidayKind.Statutory));
        days.Add(new(new DateOnly(year, 4, 30), ReunificationDay, HolidayKind.Statutory));
        days.Add(new(new DateOnly(year, 5, 1), LabourDay, HolidayKind.Statutory));
        days.Add(new(new DateOnly(year, 9, 2), NationalDay, HolidayKind.Statutory));
        if (year >= FirstYearOfTwoDayNationalDay)
        {
            // Art. 112(1)(đ): 2 September "and one day before or after it". The Prime Minister picks
            // the side each year (art. 112(3)); the default is the day before. Configure the decision
            // when it differs (2024, for one, took 3 September).
            var adjacent = overrides?.NationalDayAdjacentDay ?? new DateOnly(year, 9, 1);
            days.Add(new(adjacent, NationalDay, HolidayKind.Statutory));
        }

        return [.. days.OrderBy(h => h.Date)];
    }

    /// <summary>
    /// Art. 111(3): a statutory holiday on a weekly rest day (Saturday or Sunday for state
    /// offices) gives a day off on the next working day. One compensatory day per such date,
    /// placed in date order on the first weekday that is neither a holiday nor already taken.
    /// </summary>
    /// <remarks>
    /// Lunar New Year days get none: the Prime Minister fixes the whole block each year under
    /// art. 112(3), weekends and any compensation included, so a computed extra day would double
    /// count once the decided block is configured. Configure that year's decided days instead.
    /// </remarks>
    public static IReadOnlyList<Holiday> Compensatory(IReadOnlyList<Holiday> statutory)
    {
        ArgumentNullException.ThrowIfNull(statutory);
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var result = new List<Holiday>();
        var onRestDays = statutory
            .Where(h => h.Name != LunarNewYear && IsWeeklyRestDay(h.Date))
            .GroupBy(h => h.Date)
            .OrderBy(g => g.Key);
        foreach (var group in onRestDays)
        {
            var day = group.Key.AddDays(1);
            while (IsWeeklyRestDay(day) || taken.Contains(day))
            {
                day = day.AddDays(1);
            }

            taken.Add(day);
            var names = string.Join(" and ", group.Select(h => h.Name).Distinct());
            result.Add(new Holiday(day, $"Compensatory day off for {names}", HolidayKind.Compensatory));
        }

        return result;
    }

    /// <summary>State offices work Monday to Friday (40-hour week, Decision 188/1999/QĐ-TTg).</summary>
    public static bool IsWeeklyRestDay(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
