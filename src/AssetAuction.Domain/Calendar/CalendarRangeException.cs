namespace AssetAuction.Domain.Calendar;

/// <summary>
/// A date, or a time limit counted from one, falls in a year the working-day calendar does not cover. The
/// service answers it INVALID_ARGUMENT: it comes from the dates a client sent (or a clock far in the future),
/// not from a fault of ours.
/// </summary>
public sealed class CalendarRangeException(int year)
    : ArgumentOutOfRangeException(nameof(year), year, $"The calendar covers {WorkingDayCalendar.MinYear} to {WorkingDayCalendar.MaxYear}.")
{
    public int Year { get; } = year;
}
