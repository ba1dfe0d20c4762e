using AssetAuction.Domain.Common;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Statistics;

/// <summary>The offices a report covers: a name for storage and display, and the office codes (null: every office).</summary>
public sealed record ResolvedScope(string Name, string Office, IReadOnlyList<string>? Offices);

/// <summary>A computed report: its figures, canonical lines and text, and digest.</summary>
public sealed record BuiltReport(ResolvedScope Scope, WorkingYear Period, IReadOnlyList<string> Offices, WorkingYearFigures Figures, IReadOnlyList<ReportLine> Lines, string Csv, string Digest);

/// <summary>Resolves who may see which offices, reads the facts of those offices for the period, and computes.</summary>
public sealed class ReportBuilder(AssetAuctionDbContext db, OfficeDirectory directory, IOptions<StatisticsOptions> options, OfficePartialCache cache)
{
    public const string ProvinceNotFound = Reasons.ProvinceNotFound;

    /// <summary>
    /// An office's own staff see their office only; a supervisor sees any office, any province, the country.
    /// (Tokens carry no province, so there is no province-level supervisor: a supervisor is national.)
    /// </summary>
    public ResolvedScope Resolve(V1.ReportScope? scope, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        switch (scope?.ScopeCase ?? V1.ReportScope.ScopeOneofCase.None)
        {
            case V1.ReportScope.ScopeOneofCase.Province:
                var province = scope!.Province.Trim();
                EnsureSupervisor(caller, "provinces/" + province);
                var offices = directory.InProvince(province);
                if (offices.Count == 0)
                {
                    throw DomainException.NotFound(ProvinceNotFound, "provinces/" + province);
                }

                return new ResolvedScope("provinces/" + offices[0].Province, "", [.. offices.Select(o => o.Code)]);
            case V1.ReportScope.ScopeOneofCase.Country:
                EnsureSupervisor(caller, "country");
                return new ResolvedScope("country", "", null);
            default:
                var office = scope?.ScopeCase == V1.ReportScope.ScopeOneofCase.Office ? scope.Office.Trim() : caller.Office;
                caller.EnsureCanSee(office, "offices/" + office);
                return new ResolvedScope("offices/" + office, office, [office]);
        }
    }

    /// <summary>
    /// The report of <paramref name="scope"/> for <paramref name="period"/>: from the cached office partials, or,
    /// with <paramref name="fromScratch"/>, computed from every fact (a frozen report is always computed so).
    /// </summary>
    public async Task<BuiltReport> BuildAsync(ResolvedScope scope, WorkingYear period, CancellationToken ct, bool fromScratch = false)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var (figures, seen) = fromScratch ? await ComputeFromScratchAsync(scope.Offices, period, ct) : await ComputeAsync(scope.Offices, period, ct);
        var lines = ReportLines.Of(figures);
        var csv = ReportLines.Csv(lines);
        return new BuiltReport(scope, period, scope.Offices ?? seen, figures, lines, csv, ReportLines.Digest(csv));
    }

    /// <summary>
    /// The figures of the offices (null: the country) for the period, and the offices that have facts in it: the
    /// sum of each office's partial, recomputed only for offices that changed since it was cached.
    /// </summary>
    public async Task<(WorkingYearFigures Figures, IReadOnlyList<string> Offices)> ComputeAsync(IReadOnlyList<string>? offices, WorkingYear period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        return Sum(offices, await cache.GetAsync(db, offices, period, Thresholds, ct));
    }

    /// <summary>The same figures computed from every fact, with no cache: what a cached report must always equal.</summary>
    public async Task<(WorkingYearFigures Figures, IReadOnlyList<string> Offices)> ComputeFromScratchAsync(IReadOnlyList<string>? offices, WorkingYear period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var parts = await OfficePartialReader.ReadAsync(db, offices, period, Thresholds, ct);
        return Sum(offices, parts);
    }

    private ProblemThresholds Thresholds => new(options.Value.LargeSumThreshold, options.Value.OldCaseYears, options.Value.StuckDays);

    /// <summary>A report of several offices is the sum of theirs (every figure belongs to one office).</summary>
    private static (WorkingYearFigures, IReadOnlyList<string>) Sum(IReadOnlyList<string>? offices, IReadOnlyDictionary<string, WorkingYearPartial> parts) =>
        (WorkingYearPartial.Sum(parts.Values).ToFigures(), offices ?? [.. parts.Where(p => p.Value.HasFacts).Select(p => p.Key).Order(StringComparer.Ordinal)]);

    public Task<FrozenReport?> FrozenAsync(ResolvedScope scope, WorkingYear period, CancellationToken ct) =>
        db.Set<FrozenReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope.Name && r.Year == period.Year && r.Months == period.Months, ct);

    private static void EnsureSupervisor(Caller caller, string resource)
    {
        if (!caller.IsSupervisor)
        {
            caller.EnsureCanSee("", resource);
        }
    }
}
