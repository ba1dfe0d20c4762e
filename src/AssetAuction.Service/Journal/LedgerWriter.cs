using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;

namespace AssetAuction.Service.Journal;

/// <summary>Writes balanced movements of money as ledger postings, inside the caller's transaction.</summary>
public sealed class LedgerWriter(AssetAuctionDbContext db, TimeProvider clock, IIdGenerator ids)
{
    /// <summary>Adds the postings of <paramref name="movement"/> as one transaction; returns the entries written.</summary>
    public IReadOnlyList<LedgerEntry> Write(MoneyMovement movement, string office, string assetId, string caseNumber, string? reversalOf = null)
    {
        var entries = Entries(ids, movement, office, assetId, caseNumber, clock.GetUtcNow(), reversalOf);
        db.LedgerEntries.AddRange(entries);
        return entries;
    }

    /// <summary>The entries of <paramref name="movement"/>'s postings, one transaction, not added to any context (an import writes them itself).</summary>
    public static List<LedgerEntry> Entries(IIdGenerator ids, MoneyMovement movement, string office, string assetId, string caseNumber, DateTimeOffset now, string? reversalOf = null)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(movement);
        if (!movement.IsBalanced)
        {
            // A bug, never a client error: the books must balance by construction.
            throw new InvalidOperationException($"Unbalanced or empty movement '{movement.Kind}' refused.");
        }

        var transaction = ids.NewId(now);
        return [.. movement.Postings.Select(posting => new LedgerEntry(ids.NewId(now), transaction, office, assetId, caseNumber, movement.Kind, movement.ValueDate, movement.Reference, posting, reversalOf, now))];
    }

    /// <summary>
    /// Writes the mirror of a transaction (<paramref name="original"/>, all its entries): every posting negated,
    /// on the same asset and case, linked to it by reversal_of.
    /// </summary>
    public IReadOnlyList<LedgerEntry> Reverse(IReadOnlyList<LedgerEntry> original, string kind, DateOnly valueDate, string reference)
    {
        ArgumentNullException.ThrowIfNull(original);
        var first = original[0];
        var mirror = new MoneyMovement(kind, valueDate, reference, [.. original.Select(e => new Posting(e.Account, -e.Amount, e.CreditorId))]);
        return Write(mirror, first.Office, first.AssetId, first.CaseNumber, reversalOf: first.TransactionId);
    }
}
