using AssetAuction.Domain.Calendar;

namespace AssetAuction.UnitTests.Calendar;

public class PublicHolidaysTests
{
    private static readonly WorkingDayCalendar Calendar = new WorkingDayCalendar(CalendarOverrides.None);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<DateOnly> Dates(int year, string name) =>
        Calendar.HolidaysIn(year).Where(h => h.Name == name).Select(h => h.Date);

    [Fact]
    public void Lunar_new_year_2026_is_the_last_day_of_the_year_and_lunar_1_1_to_1_4()
    {
        // Lunar 29/12 (month 12 has 29 days) to 4/1: Monday 16 to Friday 20 February.
        Assert.Equal(
            [D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19"), D("2026-02-20")],
            Dates(2026, PublicHolidays.LunarNewYear));
        Assert.False(Calendar.IsWorkingDay(D("2026-02-16")));
        Assert.False(Calendar.IsWorkingDay(D("2026-02-20")));
        Assert.True(Calendar.IsWorkingDay(D("2026-02-13")));
        Assert.True(Calendar.IsWorkingDay(D("2026-02-23")));
    }

    [Fact]
    public void HolidaysIn_2026_lists_every_statutory_day_with_its_name()
    {
        var holidays = Calendar.HolidaysIn(2026);
        Assert.Contains(new Holiday(D("2026-01-01"), PublicHolidays.NewYearsDay, HolidayKind.Statutory), holidays);
        Assert.Contains(new Holiday(D("2026-04-26"), PublicHolidays.HungKingsDay, HolidayKind.Statutory), holidays);
        Assert.Contains(new Holiday(D("2026-04-30"), PublicHolidays.ReunificationDay, HolidayKind.Statutory), holidays);
        Assert.Contains(new Holiday(D("2026-05-01"), PublicHolidays.LabourDay, HolidayKind.Statutory), holidays);
        Assert.Equal([D("2026-09-01"), D("2026-09-02")], Dates(2026, PublicHolidays.NationalDay));
        Assert.Equal(11, holidays.Count(h => h.Kind == HolidayKind.Statutory)); // art. 112(1): 11 days
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
    }

    [Fact]
    public void Hung_Kings_day_on_a_Sunday_gives_the_Monday_off()
    {
        // 2026-04-26 is a Sunday (art. 111(3)).
        var compensatory = Assert.Single(Calendar.HolidaysIn(2026), h => h.Kind == HolidayKind.Compensatory);
        Assert.Equal(D("2026-04-27"), compensatory.Date);
        Assert.Contains(PublicHolidays.HungKingsDay, compensatory.Name, StringComparison.Ordinal);
        Assert.False(Calendar.IsWorkingDay(D("2026-04-27")));
    }

    [Fact]
    public void Two_holidays_on_one_weekend_give_two_compensatory_days()
    {
        // 2022: 30 April is a Saturday, 1 May a Sunday; Monday 2 and Tuesday 3 May are off.
        var compensatory = Calendar.HolidaysIn(2022).Where(h => h.Kind == HolidayKind.Compensatory && h.Date.Month == 5);
        Assert.Equal([D("2022-05-02"), D("2022-05-03")], compensatory.Select(h => h.Date));
    }

    [Fact]
    public void A_compensatory_day_skips_the_holidays_that_follow()
    {
        // 2023: Hung Kings' day Saturday 29 April, 30 April Sunday, 1 May Monday: off until Wednesday 3 May.
        Assert.Equal(
            [D("2023-05-02"), D("2023-05-03")],
            Calendar.HolidaysIn(2023).Where(h => h.Kind == HolidayKind.Compensatory && h.Date.Month == 5).Select(h => h.Date));
        Assert.True(Calendar.IsWorkingDay(D("2023-05-04")));
    }

    [Fact]
    public void Lunar_new_year_days_on_a_weekend_give_no_compensatory_day()
    {
        // The computed 2023 block runs Saturday 21 to Wednesday 25 January; the decided block is configured instead.
        Assert.Equal(
            [D("2023-01-02"), D("2023-05-02"), D("2023-05-03"), D("2023-09-04")],
            Calendar.HolidaysIn(2023).Where(h => h.Kind == HolidayKind.Compensatory).Select(h => h.Date));
        Assert.True(Calendar.IsWorkingDay(D("2023-01-26")));
    }

    [Fact]
    public void National_day_takes_the_day_before_by_default_and_one_day_before_2021()
    {
        Assert.Equal([D("2025-09-01"), D("2025-09-02")], Dates(2025, PublicHolidays.NationalDay));
        Assert.Equal([D("2020-09-02")], Dates(2020, PublicHolidays.NationalDay)); // Labour Code 2012 art. 115(1)(đ)
    }

    [Fact]
    public void National_day_on_a_Saturday_gives_the_Monday_off()
    {
        // 2023: Friday 1 and Saturday 2 September, Monday 4 September off.
        Assert.Contains(Calendar.HolidaysIn(2023), h => h.Date == D("2023-09-04") && h.Kind == HolidayKind.Compensatory);
    }

    [Fact]
    public void New_years_day_on_a_Sunday_gives_the_Monday_off()
    {
        Assert.False(Calendar.IsWorkingDay(D("2023-01-02")));
    }
}
