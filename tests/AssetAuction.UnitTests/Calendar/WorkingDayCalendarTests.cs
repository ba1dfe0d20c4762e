using AssetAuction.Domain.Calendar;

namespace AssetAuction.UnitTests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new WorkingDayCalendar(CalendarOverrides.None);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AddWorkingDays_starts_counting_the_day_after_the_event()
    {
        // BLDS art. 147: seizure on Monday 2026-03-02, 5 working days end Monday 9 March.
        Assert.Equal(D("2026-03-09"), Calendar.AddWorkingDays(D("2026-03-02"), 5));
        Assert.Equal(D("2026-03-03"), Calendar.AddWorkingDays(D("2026-03-02"), 1));
    }

    [Fact]
    public void AddWorkingDays_from_a_weekend_counts_from_the_Monday()
    {
        Assert.Equal(D("2026-03-09"), Calendar.AddWorkingDays(D("2026-03-07"), 1));
    }

    [Fact]
    public void AddWorkingDays_of_zero_is_the_start_day() =>
        Assert.Equal(D("2026-03-07"), Calendar.AddWorkingDays(D("2026-03-07"), 0));

    [Fact]
    public void AddWorkingDays_skips_the_lunar_new_year_block()
    {
        // Seizure Friday 2026-02-13; 14-15 weekend, 16-20 Tết, 21-22 weekend; 23-27 are working days 1-5.
        Assert.Equal(D("2026-02-27"), Calendar.AddWorkingDays(D("2026-02-13"), 5));
    }

    [Fact]
    public void AddWorkingDays_skips_30_April_and_1_May_on_weekdays()
    {
        // 2026: Thursday 30 April and Friday 1 May. From Tuesday 28 April: 29 Apr, 4, 5, 6, 7 May.
        Assert.Equal(D("2026-05-07"), Calendar.AddWorkingDays(D("2026-04-28"), 5));
    }

    [Fact]
    public void AddWorkingDays_skips_the_compensatory_days_of_a_holiday_weekend()
    {
        // 2022: 30 April Saturday, 1 May Sunday, so Monday 2 and Tuesday 3 May are off.
        Assert.Equal(D("2022-05-04"), Calendar.AddWorkingDays(D("2022-04-29"), 1));

        // 2021: 1 May Saturday, so Monday 3 May is off. From Thursday 29 April: Tuesday 4, Wednesday 5.
        Assert.Equal(D("2021-05-05"), Calendar.AddWorkingDays(D("2021-04-29"), 2));
    }

    [Fact]
    public void AddWorkingDays_crosses_the_year_end()
    {
        // From Wednesday 2026-12-30: Thursday 31 December (1); Friday 1 January 2027 is a holiday,
        // then the weekend; Monday 4 January (2).
        Assert.Equal(D("2027-01-04"), Calendar.AddWorkingDays(D("2026-12-30"), 2));
    }

    [Fact]
    public void AddCalendarDays_ending_on_a_holiday_moves_to_the_next_working_day()
    {
        // BLDS art. 148(5): 10 days from 2026-04-20 end Thursday 30 April, a holiday; 1 May too,
        // then the weekend: the period ends Monday 4 May.
        Assert.Equal(D("2026-05-04"), Calendar.AddCalendarDays(D("2026-04-20"), 10));
    }

    [Fact]
    public void AddCalendarDays_ending_in_the_lunar_new_year_moves_past_the_block()
    {
        // 30 days from 2026-01-19 end on 18 February (Tết); next working day Monday 23 February.
        Assert.Equal(D("2026-02-23"), Calendar.AddCalendarDays(D("2026-01-19"), 30));
    }

    [Fact]
    public void AddCalendarDays_ending_on_a_working_day_stays_put() =>
        Assert.Equal(D("2026-03-12"), Calendar.AddCalendarDays(D("2026-03-02"), 10));

    [Fact]
    public void AddCalendarDays_ending_on_a_Saturday_moves_to_Monday() =>
        Assert.Equal(D("2026-03-16"), Calendar.AddCalendarDays(D("2026-03-04"), 10));

    [Fact]
    public void AddMonths_ends_on_the_last_day_of_a_shorter_month_then_rolls_forward()
    {
        // BLDS art. 148(3): one month from 31 January 2026 is 28 February, a Saturday: Monday 2 March.
        Assert.Equal(D("2026-03-02"), Calendar.AddMonths(D("2026-01-31"), 1));
        Assert.Equal(D("2026-04-15"), Calendar.AddMonths(D("2026-01-15"), 3));
    }

    [Fact]
    public void WorkingDaysBetween_counts_after_the_first_day_up_to_the_last()
    {
        Assert.Equal(5, Calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-27")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-22")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(D("2026-02-13"), D("2026-02-13")));
        Assert.Equal(-5, Calendar.WorkingDaysBetween(D("2026-02-27"), D("2026-02-13")));
    }

    [Fact]
    public void WorkingDaysBetween_spans_several_years()
    {
        var expected = 0;
        for (var d = D("2024-06-15"); d < D("2026-03-10"); d = d.AddDays(1))
        {
            expected += Calendar.IsWorkingDay(d.AddDays(1)) ? 1 : 0;
        }

        Assert.Equal(expected, Calendar.WorkingDaysBetween(D("2024-06-15"), D("2026-03-10")));
    }

    [Fact]
    public void Dates_outside_1900_to_2100_are_rejected()
    {
        Assert.Throws<CalendarRangeException>(() => Calendar.IsWorkingDay(new DateOnly(2101, 1, 3)));
        Assert.Throws<CalendarRangeException>(() => Calendar.HolidaysIn(1899));
    }

    [Fact]
    public void Negative_periods_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-03-02"), -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.AddCalendarDays(D("2026-03-02"), -1));
    }
}
