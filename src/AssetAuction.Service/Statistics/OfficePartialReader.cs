using AssetAuction.Domain.Proceeds;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Statistics;

/// <summary>
/// Computes, from the facts in the database, each office's figures for a period (<see cref="WorkingYearPartial"/>):
/// the from-scratch computation every report is defined by. The facts stream from the database into one tally per
/// office (nothing loaded whole); the time limits, debts and payouts are each a filtered read on an index.
/// </summary>
internal static class OfficePartialReader
{
    /// <summary>
    /// The partial of every office in <paramref name="offices"/> (each one, even with nothing to count), or, when
    /// null, of every office that has a fact, a time limit, a debt or a payout.
    /// </summary>
    public static async Task<Dictionary<string, WorkingYearPartial>> ReadAsync(AssetAuctionDbContext db, IReadOnlyList<string>? offices, WorkingYear period, ProblemThresholds thresholds, CancellationToken ct)
    {
        var start = period.Start;
        var end = period.End;

        // Cases are (office, case number) pairs, so an office's tally needs no other office's facts.
        var tallies = new Dictionary<string, WorkingYearTally>(StringComparer.Ordinal);
        WorkingYearTally TallyOf(string office)
        {
            if (!tallies.TryGetValue(office, out var tally))
            {
                tally = new WorkingYearTally(period, thresholds);
                tallies.Add(office, tally);
            }

            return tally;
        }

        foreach (var office in offices ?? [])
        {
            TallyOf(office);
        }

        await AssetFactReader.ReadAsync(db, offices, period, fact => TallyOf(fact.Office).Add(fact), ct);

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

        var deadlines = (await AssetFactReader.DeadlinesAsync(db, offices, period, ct)).ToLookup(d => d.Office, StringComparer.Ordinal);
        var owed = (await debts.Select(o => new CaseDebt(o.Office, o.CaseNumber, o.Owed)).ToListAsync(ct)).ToLookup(d => d.Office, StringComparer.Ordinal);
        var paid = (await payouts.Select(e => new { e.Office, e.CaseNumber, e.ValueDate, e.Account, e.Amount }).ToListAsync(ct))
            .Select(e => new PayoutFact(e.Office, e.CaseNumber, e.ValueDate, e.Account switch
            {
                LedgerAccount.EnforcementFees => PayoutKind.Fee,
                LedgerAccount.DebtorSurplus => PayoutKind.Surplus,
                _ => PayoutKind.Creditor,
            }, e.Amount))
            .ToLookup(p => p.Office, StringComparer.Ordinal);

        foreach (var office in deadlines.Select(g => g.Key).Concat(owed.Select(g => g.Key)).Concat(paid.Select(g => g.Key)))
        {
            TallyOf(office);
        }

        return tallies.ToDictionary(
            t => t.Key,
            t => t.Value.FinishPartial([.. deadlines[t.Key]], [.. owed[t.Key]], [.. paid[t.Key]]),
            StringComparer.Ordinal);
    }
}
