using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;

namespace AssetAuction.Service.Proceeds;

/// <summary>Writes balanced movements of money as ledger postings, inside the caller's transaction.</summary>
public sealed class LedgerWriter(AssetAuctionDbContext db, TimeProvider clock)
{
    /// <summary>Adds the postings of <paramref name="movement"/> as one transaction; returns the entries written.</summary>
    public IReadOnlyList<LedgerEntry> Write(MoneyMovement movement, string office, string assetId, string caseNumber, string? reversalOf = null)
    {
        ArgumentNullException.ThrowIfNull(movement);
        if (!movement.IsBalanced)
        {
            // A bug, never a client error: the books must balance by construction.
            throw new InvalidOperationException($"Unbalanced or empty movement '{movement.Kind}' refused.");
        }

        var now = clock.GetUtcNow();
        var transaction = Ids.Next(now);
        var entries = movement.Postings
            .Select(posting => new LedgerEntry(Ids.Next(now), transaction, office, assetId, caseNumber, movement.Kind, movement.ValueDate, movement.Reference, posting, reversalOf, now))
            .ToList();
        db.LedgerEntries.AddRange(entries);
        return entries;
    }
}
