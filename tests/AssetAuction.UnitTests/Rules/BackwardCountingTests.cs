using AssetAuction.Domain.Calendar;
using AssetAuction.Domain.Rules;

namespace AssetAuction.UnitTests.Rules;

/// <summary>
/// "At least N days before an event", counted back as the Civil Code counts periods (BLDS 2015 art. 147-148):
/// the event's day is not counted, day 1 is the day before it, and the act's own day counts.
/// </summary>
public sealed class BackwardCountingTests
{
    private static readonly WorkingDayCalendar Calendar = new WorkingDayCalendar(CalendarOverrides.None);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-11-23", "2026-12-08")] // 15 days: 23 November is day 15 before 8 December
    [InlineData("2026-11-20", "2026-12-05")] // across the month end
    [InlineData("2026-12-17", "2027-01-01")] // across the year end; calendar days do not skip the holiday
    public void Fifteen_days_before_counts_the_posting_day_and_not_the_auction_day(string posting, string earliest)
    {
        var period = Period.Days(15);
        Assert.Equal(D(earliest), period.EarliestEventAfter(D(posting), Calendar));
        Assert.True(period.IsAtLeastBefore(D(posting), D(earliest), Calendar));
        Assert.False(period.IsAtLeastBefore(D(posting), D(earliest).AddDays(-1), Calendar));
    }

    [Theory]
    // Before Tuesday 12 January 2027: 11 (1), 8 (2), 7 (3), 6 (4), 5 (5), 4 (6); 1 January is a holiday and 2-3 a
    // weekend, so Thursday 31 December 2026 is working day 7.
    [InlineData("2026-12-31", "2027-01-12")]
    [InlineData("2026-12-30", "2027-01-09")] // 30, 31, 4, 5, 6, 7, 8: a Saturday auction is 7 working days after
    [InlineData("2027-01-04", "2027-01-13")]
    // Posted on Saturday 2 January (a day off): the working days from it are 4, 5, 6, 7, 8, 11, 12.
    [InlineData("2027-01-02", "2027-01-13")]
    public void Seven_working_days_before_skips_weekends_and_holidays_across_the_year_end(string posting, string earliest)
    {
        var period = Period.WorkingDays(7);
        Assert.Equal(D(earliest), period.EarliestEventAfter(D(posting), Calendar));
        Assert.True(period.IsAtLeastBefore(D(posting), D(earliest), Calendar));
        Assert.False(period.IsAtLeastBefore(D(posting), D(earliest).AddDays(-1), Calendar));
    }

    [Fact]
    public void An_act_on_the_event_day_or_after_it_is_never_before_it()
    {
        Assert.False(Period.WorkingDays(0).IsAtLeastBefore(D("2026-12-09"), D("2026-12-09"), Calendar));
        Assert.True(Period.WorkingDays(0).IsAtLeastBefore(D("2026-12-08"), D("2026-12-09"), Calendar));
        Assert.False(Period.Days(1).IsAtLeastBefore(D("2026-12-10"), D("2026-12-09"), Calendar));
    }
}
