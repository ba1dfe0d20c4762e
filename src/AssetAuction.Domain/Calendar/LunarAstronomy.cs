namespace AssetAuction.Domain.Calendar;

/// <summary>
/// The astronomy behind the Vietnamese lunar calendar, as in Ho Ngoc Duc's published algorithm
/// ("Âm lịch Việt Nam", informatik.uni-leipzig.de/~duc/amlich): new moons and the sun's longitude
/// from Jean Meeus, "Astronomical Algorithms" (1998), read at Vietnam's local midnight.
/// Days are Julian day numbers (whole days, noon-based), so 2000-01-01 is 2451545.
/// </summary>
/// <remarks>
/// Vietnam has reckoned the lunar calendar at UTC+7 since 1968 (China uses UTC+8), which is
/// why the two calendars sometimes disagree, e.g. Tết 1985 fell on 1985-01-21 in Vietnam and
/// 1985-02-20 in China.
/// </remarks>
internal static class LunarAstronomy
{
    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>Mean synodic month in days (Meeus ch. 49).</summary>
    internal const double SynodicMonth = 29.530588853;

    /// <summary>Julian date of the new moon taken as lunation 0 (1900-01-01 13:51 UT, Meeus ch. 49 with k counted from 1900).</summary>
    internal const double Lunation0 = 2415021.076998695;

    /// <summary>Vietnam's offset from UTC in hours (UTC+7 all year).</summary>
    private static readonly double TimeZoneHours = Common.VietnamTime.Offset.TotalHours;

    /// <summary>The Julian day number of the local (UTC+7) day holding the <paramref name="k"/>-th new moon after 1900-01-01.</summary>
    internal static int NewMoonDay(int k) => (int)Math.Floor(NewMoon(k) + 0.5 + (TimeZoneHours / 24));

    /// <summary>
    /// Which 30-degree sector (0..11) of the ecliptic the sun is in at local midnight starting
    /// the day <paramref name="julianDay"/>. Sector 9 starts at the winter solstice (270 degrees).
    /// </summary>
    internal static int SunSectorAtLocalMidnight(int julianDay)
    {
        var longitude = SunLongitude(julianDay - 0.5 - (TimeZoneHours / 24));
        return (int)Math.Floor(longitude / Math.PI * 6);
    }

    /// <summary>
    /// The first day of lunar month 11 of Gregorian year <paramref name="year"/>: the month
    /// holding the winter solstice, from which every lunar year is laid out.
    /// </summary>
    internal static int Month11Start(int year)
    {
        var dec31 = new DateOnly(year, 12, 31).DayNumber + JulianDayOffset;
        var k = (int)Math.Floor((dec31 - 2415021) / SynodicMonth);
        var newMoon = NewMoonDay(k);

        // A new moon that starts after the solstice belongs to month 12; step back one lunation.
        return SunSectorAtLocalMidnight(newMoon) >= 9 ? NewMoonDay(k - 1) : newMoon;
    }

    /// <summary>
    /// In a 13-month span starting at month 11 (<paramref name="month11Start"/>), how many months
    /// after month 11 the leap month comes: the first month in which the sun enters no new sector
    /// (no principal solar term), per the rule the algorithm shares with the Chinese calendar.
    /// </summary>
    internal static int LeapMonthOffset(int month11Start)
    {
        var k = LunationAt(month11Start);
        var i = 1;
        var sector = SunSectorAtLocalMidnight(NewMoonDay(k + i));
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = SunSectorAtLocalMidnight(NewMoonDay(k + i));
        }
        while (sector != previous && i < 14);

        return i - 1;
    }

    /// <summary>The lunation number k of the new moon that starts on <paramref name="julianDay"/>.</summary>
    internal static int LunationAt(int julianDay) => (int)Math.Floor(0.5 + ((julianDay - Lunation0) / SynodicMonth));

    /// <summary>Julian day number minus <see cref="DateOnly.DayNumber"/> (days since 0001-01-01).</summary>
    internal const int JulianDayOffset = 1721426;

    /// <summary>Meeus ch. 49: Julian date (UT) of the k-th new moon, k counted from 1900-01-01.</summary>
    private static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var meanNewMoon = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3)
            + (0.00033 * Sin(166.56 + (132.87 * t) - (0.009173 * t2)));
        var sunAnomaly = 359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3);
        var moonAnomaly = 306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3);
        var moonLatitude = 21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3);

        var correction = ((0.1734 - (0.000393 * t)) * Sin(sunAnomaly))
            + (0.0021 * Sin(2 * sunAnomaly))
            - (0.4068 * Sin(moonAnomaly))
            + (0.0161 * Sin(2 * moonAnomaly))
            - (0.0004 * Sin(3 * moonAnomaly))
            + (0.0104 * Sin(2 * moonLatitude))
            - (0.0051 * Sin(sunAnomaly + moonAnomaly))
            - (0.0074 * Sin(sunAnomaly - moonAnomaly))
            + (0.0004 * Sin((2 * moonLatitude) + sunAnomaly))
            - (0.0004 * Sin((2 * moonLatitude) - sunAnomaly))
            - (0.0006 * Sin((2 * moonLatitude) + moonAnomaly))
            + (0.0010 * Sin((2 * moonLatitude) - moonAnomaly))
            + (0.0005 * Sin((2 * moonAnomaly) + sunAnomaly));

        // Delta T (TT - UT) in days.
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);

        return meanNewMoon + correction - deltaT;
    }

    /// <summary>Meeus ch. 25 (low precision): the sun's true longitude in radians, in [0, 2π), at Julian date <paramref name="julianDate"/>.</summary>
    private static double SunLongitude(double julianDate)
    {
        var t = (julianDate - 2451545.0) / 36525;
        var t2 = t * t;
        var meanAnomaly = 357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2);
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var center = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Sin(2 * meanAnomaly))
            + (0.000290 * Sin(3 * meanAnomaly));
        var longitude = (meanLongitude + center) * DegreesToRadians;
        return longitude - (2 * Math.PI * Math.Floor(longitude / (2 * Math.PI)));
    }

    private static double Sin(double degrees) => Math.Sin(degrees * DegreesToRadians);
}
