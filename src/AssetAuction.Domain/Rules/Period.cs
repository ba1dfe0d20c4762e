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

    public override string ToString() => Unit switch
    {
        PeriodUnit.WorkingDays => $"{Count} working days",
        PeriodUnit.Days => $"{Count} days",
        _ => $"{Count} months",
    };
}
