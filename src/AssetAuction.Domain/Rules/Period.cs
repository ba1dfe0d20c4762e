using AssetAuction.Domain.Calendar;

namespace AssetAuction.Domain.Rules;

/// <summary>How a statutory period is counted (BLDS art. 147-148).</summary>
public enum PeriodUnit
{
    /// <summary>Working days: weekends and public holidays are skipped.</summary>
    WorkingDays = 1,

    /// <summary>Calendar days; a period ending on a day off ends on the next working day.</summary>
    Days = 2,

    /// <summary>Calendar months; same day of the month (or its last day), then the next working day.</summary>
    Months = 3,
}

/// <summary>A statutory period, for example "5 working days" or "30 days".</summary>
public sealed record Period
{
    public int Count { get; init; }

    public PeriodUnit Unit { get; init; }

    public static Period WorkingDays(int count) => new() { Count = count, Unit = PeriodUnit.WorkingDays };

    public static Period Days(int count) => new() { Count = count, Unit = PeriodUnit.Days };

    /// <summary>The last day of the period that starts the day after <paramref name="eventDay"/> (art. 147).</summary>
    public DateOnly EndAfter(DateOnly eventDay, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit switch
        {
            PeriodUnit.WorkingDays => calendar.AddWorkingDays(eventDay, Count),
            PeriodUnit.Days => calendar.AddCalendarDays(eventDay, Count),
            PeriodUnit.Months => calendar.ThisOrNextWorkingDay(calendar.AddMonths(eventDay, Count)),
            _ => throw new InvalidOperationException($"Unknown period unit {Unit}."),
        };
    }

    /// <summary>
    /// Whether an act on <paramref name="actDay"/> comes at least this period before an event on <paramref name="eventDay"/>
    /// ("niêm yết ít nhất 15 ngày trước ngày đấu giá"). Counted backwards as the Civil Code counts periods (BLDS art.
    /// 147-148): the event's own day is not counted, day 1 is the day before it, and the act's own day counts. So a
    /// notice posted on 1 December is 15 days before an auction on 16 December. The one place this reading lives.
    /// </summary>
    public bool IsAtLeastBefore(DateOnly actDay, DateOnly eventDay, WorkingDayCalendar calendar) =>
        actDay < eventDay && eventDay >= EarliestEventAfter(actDay, calendar);

    /// <summary>
    /// The first day on which an event may happen for an act on <paramref name="actDay"/> to be at least this period
    /// before it (see <see cref="IsAtLeastBefore"/>): the days from the act's day to the day before the event, both
    /// counted, make up the period. For working days, only working days in that span count.
    /// </summary>
    public DateOnly EarliestEventAfter(DateOnly actDay, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Unit switch
        {
            // The Count-th working day counted from the act's own day, then the event may be the next day.
            PeriodUnit.WorkingDays => calendar.AddWorkingDays(actDay.AddDays(-1), Count).AddDays(1),
            PeriodUnit.Days => actDay.AddDays(Count),
            PeriodUnit.Months => calendar.AddMonths(actDay, Count),
            _ => throw new InvalidOperationException($"Unknown period unit {Unit}."),
        };
    }

    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => $"{Count} working days",
        PeriodUnit.Days => $"{Count} days",
        _ => $"{Count} months",
    };
}
