using AssetAuction.Domain.Calendar;
using CsCheck;

namespace AssetAuction.UnitTests.Calendar;

public class LunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    public void LunarNewYear_falls_on_the_known_Tet_day(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.LunarNewYear(year));
        Assert.Equal(new LunarDate(year, 1, 1), LunarCalendar.FromGregorian(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void ToGregorian_gives_the_known_Hung_Kings_day(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), LunarCalendar.ToGregorian(new LunarDate(year, 3, 10)));
    }

    [Fact]
    public void LunarNewYear_is_reckoned_at_UTC_plus_7_not_China_time()
    {
        // Tết 1985: 1985-01-21 in Vietnam, 1985-02-20 in China (UTC+8).
        Assert.Equal(new DateOnly(1985, 1, 21), LunarCalendar.LunarNewYear(1985));
        Assert.Equal(new LunarDate(1984, 12, 30), LunarCalendar.FromGregorian(new DateOnly(1985, 1, 20)));
    }

    [Theory]
    [InlineData(2020, 4, "2020-05-23")]
    [InlineData(2023, 2, "2023-03-22")]
    [InlineData(2025, 6, "2025-07-25")]
    public void ToGregorian_places_the_leap_month_after_the_month_it_repeats(int year, int month, string leapMonthStart)
    {
        Assert.Equal(month, LunarCalendar.LeapMonth(year));
        var start = DateOnly.Parse(leapMonthStart, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(start, LunarCalendar.ToGregorian(new LunarDate(year, month, 1, IsLeapMonth: true)));
        Assert.Equal(new LunarDate(year, month, 1, IsLeapMonth: true), LunarCalendar.FromGregorian(start));
        Assert.True(LunarCalendar.ToGregorian(new LunarDate(year, month, 1)) < start);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    public void LeapMonth_is_null_in_a_twelve_month_year(int year) => Assert.Null(LunarCalendar.LeapMonth(year));

    [Fact]
    public void ToGregorian_rejects_a_leap_flag_on_a_month_that_is_not_doubled() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(2026, 3, 1, IsLeapMonth: true)));

    [Fact]
    public void ToGregorian_rejects_day_30_of_a_29_day_month()
    {
        // Month 12 of lunar 2025 runs 2026-01-19 to 2026-02-16: 29 days.
        Assert.Equal(new DateOnly(2026, 2, 16), LunarCalendar.ToGregorian(new LunarDate(2025, 12, 29)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(2025, 12, 30)));
    }

    [Fact]
    public void Conversions_reject_dates_outside_1900_to_2100()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(1899, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.ToGregorian(new LunarDate(2101, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromGregorian(LunarCalendar.MinDate.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => LunarCalendar.FromGregorian(LunarCalendar.MaxDate.AddDays(1)));
    }

    [Fact]
    public void FromGregorian_never_gives_day_zero_where_the_mean_lunation_overshoots()
    {
        // Ho Ngoc Duc's reference code answers day 0 here; it is the last day of lunar month 3.
        var date = new DateOnly(2054, 5, 7);
        var lunar = LunarCalendar.FromGregorian(date);
        Assert.Equal((2054, 3), (lunar.Year, lunar.Month));
        Assert.InRange(lunar.Day, 29, 30);
        Assert.Equal(new LunarDate(2054, 4, 1), LunarCalendar.FromGregorian(date.AddDays(1)));
    }

    [Fact]
    public void Gregorian_to_lunar_and_back_is_the_same_day()
    {
        Gen.Int[LunarCalendar.MinDate.DayNumber, LunarCalendar.MaxDate.DayNumber]
            .Select(DateOnly.FromDayNumber)
            .Sample(date => Assert.Equal(date, LunarCalendar.ToGregorian(LunarCalendar.FromGregorian(date))), iter: 2000);
    }

    [Fact]
    public void Lunar_to_Gregorian_and_back_is_the_same_lunar_date()
    {
        Gen.Select(Gen.Int[LunarCalendar.MinYear, LunarCalendar.MaxYear], Gen.Int[1, 12], Gen.Int[1, 29], Gen.Bool)
            .Select((year, month, day, leap) => new LunarDate(year, month, day, leap && LunarCalendar.LeapMonth(year) == month))
            .Sample(lunar => Assert.Equal(lunar, LunarCalendar.FromGregorian(LunarCalendar.ToGregorian(lunar))), iter: 2000);
    }

    [Fact]
    public void Consecutive_days_advance_the_lunar_day_or_start_a_29_or_30_day_month()
    {
        Gen.Int[LunarCalendar.MinDate.DayNumber, LunarCalendar.MaxDate.DayNumber - 1]
            .Select(DateOnly.FromDayNumber)
            .Sample(date =>
            {
                var today = LunarCalendar.FromGregorian(date);
                var tomorrow = LunarCalendar.FromGregorian(date.AddDays(1));
                if (tomorrow.Day == 1)
                {
                    Assert.InRange(today.Day, 29, 30);
                }
                else
                {
                    Assert.Equal(today with { Day = today.Day + 1 }, tomorrow);
                }
            }, iter: 2000);
    }
}
