namespace AssetAuction.Domain.Statistics;

/// <summary>
/// A working year of the enforcement system and a reporting period inside it.
/// The working year runs from 1 October to 30 September (Joint Circular 12/2021/TTLT-BTP-BTC art. 6, as the
/// statistics rules of TT 05/2024/TT-BTP apply it); it is named after the calendar year in which it ends, so
/// working year 2026 is 2025-10-01 to 2026-09-30. Reports are cumulative from the year's first day to the end
/// of a month: "3 months" of working year 2026 is 2025-10-01 to 2025-12-31, "6 months" ends 2026-03-31.
/// </summary>
public sealed record WorkingYear(int Year, int Months)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2200;

    /// <summary>1 October of the previous calendar year.</summary>
    public DateOnly Start { get; } = new(Math.Clamp(Year, FirstYear, LastYear) - 1, 10, 1);

    /// <summary>The last day of the <see cref="Months"/>-th month of the year (inclusive).</summary>
    public DateOnly End { get; } = new DateOnly(Math.Clamp(Year, FirstYear, LastYear) - 1, 10, 1).AddMonths(Math.Clamp(Months, 1, 12)).AddDays(-1);

    /// <summary>The day before the year starts: what is open then is "carried over" (chuyển sang).</summary>
    public DateOnly CarryOverDay => Start.AddDays(-1);

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public bool Contains(DateOnly? day) => day is { } d && Contains(d);

    /// <summary>The working year whose months include <paramref name="day"/>, cumulative to that day's month.</summary>
    public static WorkingYear Containing(DateOnly day)
    {
        var year = day.Month >= 10 ? day.Year + 1 : day.Year;
        var months = ((day.Month + 2) % 12) + 1;
        return new WorkingYear(year, months);
    }

    public static bool IsValid(int year, int months) => year is >= FirstYear and <= LastYear && months is >= 1 and <= 12;

    /// <summary>A stable key for storage and file names: "2026-06" is working year 2026 cumulative to 6 months.</summary>
    public string Key => $"{Year:D4}-{Months:D2}";
}
