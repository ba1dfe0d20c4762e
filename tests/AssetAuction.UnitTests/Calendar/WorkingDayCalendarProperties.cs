using AssetAuction.Domain.Calendar;
using CsCheck;

namespace AssetAuction.UnitTests.Calendar;

public class WorkingDayCalendarProperties
{
    // Ends at 2098 so that a period of up to 400 working days still ends inside the calendar (to 2100).
    private static readonly Gen<DateOnly> Dates =
        Gen.Int[new DateOnly(1900, 1, 1).DayNumber, new DateOnly(2098, 12, 31).DayNumber].Select(DateOnly.FromDayNumber);

    [Fact]
    public void AddWorkingDays_lands_on_a_working_day_n_working_days_later()
    {
        // A fresh calendar per run so that CsCheck's threads also build the years concurrently.
        var calendar = new WorkingDayCalendar(CalendarOverrides.None);
        Gen.Select(Dates, Gen.Int[1, 400]).Sample((start, n) =>
        {
            var end = calendar.AddWorkingDays(start, n);
            Assert.True(end > start);
            Assert.True(calendar.IsWorkingDay(end));
            Assert.Equal(n, calendar.WorkingDaysBetween(start, end));
            Assert.Equal(n - 1, calendar.WorkingDaysBetween(start, end.AddDays(-1)));
        }, iter: 2000);
    }

    [Fact]
    public void AddWorkingDays_matches_counting_day_by_day()
    {
        var calendar = new WorkingDayCalendar(CalendarOverrides.None);
        Gen.Select(Dates, Gen.Int[0, 60]).Sample((start, n) =>
        {
            var day = start;
            for (var counted = 0; counted < n;)
            {
                day = day.AddDays(1);
                counted += calendar.IsWorkingDay(day) ? 1 : 0;
            }

            Assert.Equal(day, calendar.AddWorkingDays(start, n));
        }, iter: 1000);
    }

    [Fact]
    public void WorkingDaysBetween_is_antisymmetric_and_additive()
    {
        var calendar = new WorkingDayCalendar(CalendarOverrides.None);
        Gen.Select(Dates, Dates, Dates).Sample((a, b, c) =>
        {
            Assert.Equal(-calendar.WorkingDaysBetween(a, b), calendar.WorkingDaysBetween(b, a));
            Assert.Equal(calendar.WorkingDaysBetween(a, c), calendar.WorkingDaysBetween(a, b) + calendar.WorkingDaysBetween(b, c));
        }, iter: 500);
    }

    [Fact]
    public void AddCalendarDays_ends_on_the_first_working_day_on_or_after_the_nominal_end()
    {
        var calendar = new WorkingDayCalendar(CalendarOverrides.None);
        Gen.Select(Dates, Gen.Int[0, 120]).Sample((start, n) =>
        {
            var nominal = start.AddDays(n);
            var end = calendar.AddCalendarDays(start, n);
            Assert.True(calendar.IsWorkingDay(end));
            Assert.True(end >= nominal);
            for (var day = nominal; day < end; day = day.AddDays(1))
            {
                Assert.False(calendar.IsWorkingDay(day));
            }
        }, iter: 2000);
    }

    [Fact]
    public void Every_year_has_the_eleven_statutory_days_and_about_250_working_days()
    {
        var calendar = new WorkingDayCalendar(CalendarOverrides.None);
        Gen.Int[2021, 2100].Sample(year =>
        {
            var holidays = calendar.HolidaysIn(year);
            Assert.Equal(11, holidays.Count(h => h.Kind == HolidayKind.Statutory));
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            var working = calendar.WorkingDaysBetween(new DateOnly(year - 1, 12, 31), new DateOnly(year, 12, 31));
            Assert.InRange(working, 245, 255);
        }, iter: 200);
    }
}
