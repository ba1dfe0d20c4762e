using AssetAuction.Domain.Calendar;

namespace AssetAuction.UnitTests.Calendar;

public class CalendarOverridesTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static WorkingDayCalendar With(CalendarYearOverrides year) => new(new CalendarOverrides { Years = [year] });

    [Fact]
    public void An_extra_day_off_is_not_a_working_day_and_is_listed_by_name()
    {
        var calendar = With(new CalendarYearOverrides
        {
            Year = 2026,
            ExtraDaysOff = [new DayOff { Date = D("2026-01-02"), Name = "Bridge day" }],
        });

        Assert.False(calendar.IsWorkingDay(D("2026-01-02")));
        Assert.Equal(D("2026-01-05"), calendar.AddWorkingDays(D("2025-12-31"), 1));
        Assert.Equal(D("2026-01-02"), new WorkingDayCalendar(CalendarOverrides.None).AddWorkingDays(D("2025-12-31"), 1));
        Assert.Contains(new Holiday(D("2026-01-02"), "Bridge day", HolidayKind.Additional), calendar.HolidaysIn(2026));
    }

    [Fact]
    public void A_make_up_Saturday_is_a_working_day()
    {
        var calendar = With(new CalendarYearOverrides { Year = 2026, WorkingWeekendDays = [D("2026-01-10")] });

        Assert.True(calendar.IsWorkingDay(D("2026-01-10")));
        Assert.Equal(D("2026-01-10"), calendar.AddWorkingDays(D("2026-01-09"), 1));
        Assert.Equal(D("2026-01-10"), calendar.AddCalendarDays(D("2026-01-03"), 7));
        Assert.Equal(2, calendar.WorkingDaysBetween(D("2026-01-09"), D("2026-01-12")));
    }

    [Fact]
    public void Decided_lunar_new_year_days_replace_the_computed_block()
    {
        // Illustrative decision: Friday 13 and Monday 16 to Thursday 19 February 2026.
        var decided = new[] { D("2026-02-13"), D("2026-02-16"), D("2026-02-17"), D("2026-02-18"), D("2026-02-19") };
        var calendar = With(new CalendarYearOverrides { Year = 2026, LunarNewYearDays = decided });

        Assert.False(calendar.IsWorkingDay(D("2026-02-13")));
        Assert.True(calendar.IsWorkingDay(D("2026-02-20")));
        Assert.Equal(decided, calendar.HolidaysIn(2026).Where(h => h.Name == PublicHolidays.LunarNewYear).Select(h => h.Date));
    }

    [Fact]
    public void The_decided_National_Day_side_replaces_1_September()
    {
        var calendar = With(new CalendarYearOverrides { Year = 2026, NationalDayAdjacentDay = D("2026-09-03") });

        Assert.True(calendar.IsWorkingDay(D("2026-09-01")));
        Assert.False(calendar.IsWorkingDay(D("2026-09-02")));
        Assert.False(calendar.IsWorkingDay(D("2026-09-03")));
    }

    [Fact]
    public void Decided_compensatory_days_replace_the_computed_ones()
    {
        var calendar = With(new CalendarYearOverrides { Year = 2026, CompensatoryDays = [D("2026-04-29")] });

        Assert.True(calendar.IsWorkingDay(D("2026-04-27")));
        Assert.False(calendar.IsWorkingDay(D("2026-04-29")));
    }

    [Fact]
    public void Overrides_for_one_year_leave_other_years_computed()
    {
        var calendar = With(new CalendarYearOverrides { Year = 2026, WorkingWeekendDays = [D("2026-01-10")] });

        Assert.Equal(new WorkingDayCalendar(CalendarOverrides.None).HolidaysIn(2025), calendar.HolidaysIn(2025));
    }

    public static TheoryData<CalendarYearOverrides> InvalidYears() =>
    [
        new CalendarYearOverrides { Year = 2026, WorkingWeekendDays = [D("2026-01-07")] }, // a Wednesday
        new CalendarYearOverrides { Year = 2022, WorkingWeekendDays = [D("2022-04-30")] }, // a holiday Saturday
        new CalendarYearOverrides { Year = 2026, ExtraDaysOff = [new DayOff { Date = D("2027-01-04") }] }, // wrong year
        new CalendarYearOverrides { Year = 2026, NationalDayAdjacentDay = D("2026-09-05") }, // not beside 2 September
        new CalendarYearOverrides { Year = 2026, LunarNewYearDays = [] },
        new CalendarYearOverrides { Year = 1850 },
    ];

    [Theory]
    [MemberData(nameof(InvalidYears))]
    public void An_inconsistent_override_fails_when_the_calendar_is_built(CalendarYearOverrides year) =>
        Assert.ThrowsAny<ArgumentException>(() => With(year));

    [Fact]
    public void A_year_configured_twice_fails_when_the_calendar_is_built() =>
        Assert.Throws<ArgumentException>(() => new WorkingDayCalendar(new CalendarOverrides
        {
            Years = [new CalendarYearOverrides { Year = 2026 }, new CalendarYearOverrides { Year = 2026 }],
        }));
}
