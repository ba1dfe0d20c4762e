using System.Globalization;
using System.Reflection;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace AssetAuction.Cli.Output;

/// <summary>How values read on the command line and in tables: dates as yyyy-MM-dd, instants in
/// Vietnam's time (UTC+7 all year), enums by their proto name without the enum's prefix, in kebab case
/// (STATE_READY_FOR_AUCTION reads "ready-for-auction").</summary>
internal static class ProtoText
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static string Date(Google.Type.Date? date) =>
        date is null || date.Year == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    public static string Instant(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToOffset(Vietnam).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static Google.Type.Date ParseDate(string text, string option)
    {
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            throw new UsageException($"{option} must be a date as yyyy-MM-dd, not '{text}'.");
        }

        return new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }

    public static string Enum<T>(T value)
        where T : struct, System.Enum
    {
        var prefix = Names<T>().Prefix;
        var original = typeof(T).GetField(value.ToString())?.GetCustomAttribute<OriginalNameAttribute>()?.Name;
        return original is null ? value.ToString() : Kebab(original, prefix);
    }

    /// <summary>The kebab-case names a command accepts for an enum (all but UNSPECIFIED).</summary>
    public static string[] Choices<T>()
        where T : struct, System.Enum => Names<T>().Names.Keys.ToArray();

    public static T ParseEnum<T>(string text)
        where T : struct, System.Enum =>
        Names<T>().Names.TryGetValue(text, out var value)
            ? value
            : throw new UsageException($"'{text}' is not one of: {string.Join(", ", Choices<T>())}.");

    private static (string Prefix, Dictionary<string, T> Names) Names<T>()
        where T : struct, System.Enum
    {
        var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Field: f, Original: f.GetCustomAttribute<OriginalNameAttribute>()?.Name ?? f.Name))
            .ToList();
        var unspecified = fields.FirstOrDefault(f => f.Original.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)).Original;
        var prefix = unspecified is null ? "" : unspecified[..^"UNSPECIFIED".Length];
        var names = fields.Where(f => f.Original != unspecified)
            .ToDictionary(f => Kebab(f.Original, prefix), f => (T)f.Field.GetValue(null)!, StringComparer.OrdinalIgnoreCase);
        return (prefix, names);
    }

    private static string Kebab(string original, string prefix) =>
        (original.StartsWith(prefix, StringComparison.Ordinal) ? original[prefix.Length..] : original)
        .ToLowerInvariant().Replace('_', '-');
}
