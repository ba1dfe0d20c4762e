using Google.Protobuf.WellKnownTypes;

namespace AssetAuction.Service.Grpc;

/// <summary>Legal dates are google.type.Date; instants are Timestamps.</summary>
public static class ProtoConvert
{
    public static Google.Type.Date? ToProto(this DateOnly? date) => date is { } d ? d.ToProto() : null;

    public static Google.Type.Date ToProto(this DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    /// <summary>
    /// The date, or null when it is absent, not a real calendar date, or outside 1900-2100, the years the
    /// working-day calendar covers (validators report that).
    /// </summary>
    public static DateOnly? ToDateOnly(this Google.Type.Date? date)
    {
        if (date is null || date.Year is < 1900 or > 2100 || date.Month is < 1 or > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return null;
        }

        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static bool IsValidDate(Google.Type.Date? date) => date.ToDateOnly() is not null;

    /// <summary>The first and last instants a request may carry: the working-day calendar's years, 1900 to 2100.</summary>
    private static readonly DateTimeOffset FirstInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LastInstant = new(2100, 12, 31, 23, 59, 59, TimeSpan.Zero);

    /// <summary>
    /// The instant, or null when it is absent or not a normalized Timestamp in 1900-2100 (nanos outside
    /// 0..999,999,999, or seconds a DateTimeOffset cannot hold, would otherwise throw deep in a handler).
    /// </summary>
    public static DateTimeOffset? ToInstant(this Timestamp? time)
    {
        if (time is null || time.Nanos is < 0 or > 999_999_999
            || time.Seconds < FirstInstant.ToUnixTimeSeconds() || time.Seconds > LastInstant.ToUnixTimeSeconds())
        {
            return null;
        }

        return time.ToDateTimeOffset();
    }

    public static bool IsValidInstant(Timestamp? time) => time.ToInstant() is not null;

    public static Timestamp ToProto(this DateTimeOffset instant) => Timestamp.FromDateTimeOffset(instant);

    public static Timestamp? ToProto(this DateTimeOffset? instant) => instant is { } i ? Timestamp.FromDateTimeOffset(i) : null;
}
