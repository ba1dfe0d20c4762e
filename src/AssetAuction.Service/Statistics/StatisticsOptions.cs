namespace AssetAuction.Service.Statistics;

/// <summary>The "Statistics" configuration section: thresholds of the named problem groups.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>A "large case" in the agencies' reports: over 20 billion dong owed or seized.</summary>
    public long LargeSumThreshold { get; set; } = 20_000_000_000;

    /// <summary>A case "older than N years" counts from its enforcement decision (the reports name three).</summary>
    public int OldCaseYears { get; set; } = 3;

    /// <summary>An asset "stuck at one stage" has been there longer than this many days (the backlog view's default too).</summary>
    public int StuckDays { get; set; } = 180;

    /// <summary>Compute the country's report of this month and the last when the service starts (see ReportWarmUp).</summary>
    public bool WarmUpOnStart { get; set; } = true;
}

/// <summary>One enforcement office of the "Offices" configuration section.</summary>
public sealed class OfficeEntry
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Province { get; set; } = "";
}

/// <summary>
/// The office directory: which province each enforcement office belongs to. Configuration, because the 2025
/// reorganisation (34 provincial agencies, 355 regional offices) changes by decision, not by API call; e.g.
/// <c>Offices__0__Code=HN-KV1</c>, <c>Offices__0__Name=...</c>, <c>Offices__0__Province=Hà Nội</c>.
/// </summary>
public sealed class OfficeDirectory(IReadOnlyList<OfficeEntry> offices)
{
    public const string Section = "Offices";

    public IReadOnlyList<OfficeEntry> Offices { get; } = offices;

    public IReadOnlyList<OfficeEntry> InProvince(string province) =>
        [.. Offices.Where(o => string.Equals(o.Province, province.Trim(), StringComparison.OrdinalIgnoreCase)).OrderBy(o => o.Code, StringComparer.Ordinal)];

    public static OfficeDirectory From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = configuration.GetSection(Section).Get<List<OfficeEntry>>() ?? [];
        var duplicate = entries.GroupBy(o => o.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null || entries.Any(o => string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.Province)))
        {
            throw new InvalidOperationException($"The Offices section needs a unique Code and a Province for every office{(duplicate is null ? "" : $" ({duplicate.Key} is listed twice)")}.");
        }

        return new OfficeDirectory(entries);
    }
}
