using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
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
public sealed class ReportBuilder(AssetAuctionDbContext db, OfficeDirectory directory, IOptions<StatisticsOptions> options)
{
    public const string ProvinceNotFound = "PROVINCE_NOT_FOUND";

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

    public async Task<BuiltReport> BuildAsync(ResolvedScope scope, WorkingYear period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(period);
        var (figures, seen) = await ComputeAsync(scope.Offices, period, ct);
        var lines = ReportLines.Of(figures);
        var csv = ReportLines.Csv(lines);
        return new BuiltReport(scope, period, scope.Offices ?? seen, figures, lines, csv, ReportLines.Digest(csv));
    }

    /// <summary>
    /// The figures of the offices for the period, and the offices that have facts in it. The facts stream from
    /// the database into the tally (nothing loaded whole); the time limits, debts and payouts are each a filtered
    /// read on an index.
    /// </summary>
    public async Task<(WorkingYearFigures Figures, IReadOnlyList<string> Offices)> ComputeAsync(IReadOnlyList<string>? offices, WorkingYear period, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Start;
        var end = period.End;
        var thresholds = new ProblemThresholds(options.Value.LargeSumThreshold, options.Value.OldCaseYears, options.Value.StuckDays);

        // An asset completed before the year cannot be open in it; one seized after the end is not yet counted.
        var tally = new WorkingYearTally(period, thresholds);
        await AssetFactReader.ReadAsync(db, offices, period, tally.Add, ct);

        var debts = db.Obligations.AsNoTracking();
        // Money paid out is what stands on the ledger, not what a payout once recorded: every posting to a payee's
        // account (creditors, fees, surplus) in a transaction that moved custody money, by its value date, signed.
        // A payout counts +amount; a balanced correction that brings the money back into custody counts −amount on
        // its own value date, and a reversal of that correction counts again. Plan approvals and withdrawals move
        // sale proceeds to and from those accounts without touching custody, so they are not payments.
        var payoutAccounts = new[] { LedgerAccount.CreditorsPayable, LedgerAccount.EnforcementFees, LedgerAccount.DebtorSurplus };
        var payouts = db.LedgerEntries.AsNoTracking().Where(e =>
            e.ValueDate >= start && e.ValueDate <= end && payoutAccounts.Contains(e.Account)
            && db.LedgerEntries.Any(c => c.TransactionId == e.TransactionId && c.Account == LedgerAccount.Custody));
        if (offices is not null)
        {
            debts = debts.Where(o => offices.Contains(o.Office));
            payouts = payouts.Where(e => offices.Contains(e.Office));
        }

        var figures = tally.Finish(
            await AssetFactReader.DeadlinesAsync(db, offices, period, ct),
            await debts.Select(o => new CaseDebt(o.Office, o.CaseNumber, o.Owed)).ToListAsync(ct),
            (await payouts.Select(e => new { e.Office, e.CaseNumber, e.ValueDate, e.Account, e.Amount }).ToListAsync(ct))
                .Select(e => new PayoutFact(e.Office, e.CaseNumber, e.ValueDate, e.Account switch
                {
                    LedgerAccount.EnforcementFees => PayoutKind.Fee,
                    LedgerAccount.DebtorSurplus => PayoutKind.Surplus,
                    _ => PayoutKind.Creditor,
                }, e.Amount))
                .ToList());
        return (figures, tally.Offices);
    }

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
