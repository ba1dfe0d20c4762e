namespace AssetAuction.Domain.Common;

/// <summary>Vietnam keeps UTC+7 all year (no daylight saving), so legal dates are read at that offset.</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The legal (calendar) date in Vietnam at the instant <paramref name="now"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    /// <summary>The instant the legal date <paramref name="day"/> begins in Vietnam.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
