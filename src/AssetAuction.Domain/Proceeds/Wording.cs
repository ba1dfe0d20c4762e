using System.Globalization;

namespace AssetAuction.Domain.Proceeds;

/// <summary>How amounts and days read in explanations: "1,825,000,000", "2026-03-10".</summary>
internal static class Wording
{
    public static string Dong(long amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Dong(Int128 amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
