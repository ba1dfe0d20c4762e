namespace AssetAuction.Domain.Statistics;

/// <summary>
/// A report as a supervisor submitted it: its canonical CSV (<see cref="ReportLines.Csv"/>) with the SHA-256 of
/// that text, who froze it and when. Never changed: a later back-dated act changes the recomputation, not this.
/// </summary>
public sealed class FrozenReport
{
    private FrozenReport()
    {
    }

    public FrozenReport(string id, string scope, WorkingYear period, string csv, string frozenBy, DateTimeOffset frozenTime)
    {
        ArgumentNullException.ThrowIfNull(period);
        Id = id;
        Scope = scope;
        Year = period.Year;
        Months = period.Months;
        Csv = csv;
        Digest = ReportLines.Digest(csv);
        FrozenBy = frozenBy;
        FrozenTime = frozenTime;
    }

    public string Id { get; private set; } = "";

    /// <summary>"offices/HN-KV1", "provinces/Hà Nội" or "country".</summary>
    public string Scope { get; private set; } = "";

    public int Year { get; private set; }

    public int Months { get; private set; }

    public string Csv { get; private set; } = "";

    /// <summary>SHA-256 (lower-case hex) of <see cref="Csv"/> in UTF-8.</summary>
    public string Digest { get; private set; } = "";

    public string FrozenBy { get; private set; } = "";

    public DateTimeOffset FrozenTime { get; private set; }

    public WorkingYear Period => new(Year, Months);

    public string Name => $"frozenReports/{Id}";
}
