namespace AssetAuction.Domain.Calendar;

/// <summary>
/// A day of the Vietnamese lunar calendar (âm lịch). <see cref="Year"/> is the Gregorian year in
/// which the lunar year starts (lunar 1/1/2026 is 2026-02-17); a leap month (tháng nhuận)
/// repeats the number of the month before it.
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() => $"{Day}/{Month}{(IsLeapMonth ? " (leap)" : "")}/{Year} lunar";
}
