using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Audit;

/// <summary>
/// Walks the whole chain in order and recomputes every hash: an edited entry breaks its own hash,
/// a deleted one breaks the sequence or the next link, a cut-off tail disagrees with the journal head.
/// The head is read first and only entries up to it are checked: writes committing meanwhile only add
/// entries beyond it, so a busy service is not mistaken for a tampered one.
/// Streams the rows, so memory stays flat however long the chain is.
/// </summary>
public sealed class AuditChainVerifier(AssetAuctionDbContext db)
{
    public async Task<VerifyAuditChainResponse> VerifyAsync(CancellationToken ct)
    {
        var head = await db.JournalHeads.AsNoTracking().SingleAsync(h => h.Id == JournalHead.SingletonId, ct);
        var last = head.LastAuditSequence;
        long expected = 1;
        var previousHash = AuditHasher.GenesisHash;
        await foreach (var entry in db.AuditEntries.AsNoTracking().Where(e => e.Sequence <= last).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem =
                entry.Sequence != expected ? $"entry {expected} is missing (next found is {entry.Sequence})" :
                entry.PreviousHash != previousHash ? "its previous_hash does not match the entry before it" :
                AuditHasher.Compute(entry) != entry.Hash ? "its content does not match its hash (edited)" :
                null;
            if (problem is not null)
            {
                return Broken(expected - 1, Math.Min(expected, entry.Sequence), problem);
            }

            previousHash = entry.Hash;
            expected++;
        }

        if (last != expected - 1 || head.LastAuditHash != previousHash)
        {
            return Broken(expected - 1, expected, $"the chain ends at {expected - 1} but the journal recorded {head.LastAuditSequence} entries (entries removed from the end)");
        }

        return new VerifyAuditChainResponse { Intact = true, EntriesChecked = expected - 1 };
    }

    private static VerifyAuditChainResponse Broken(long checkedCount, long sequence, string problem) => new()
    {
        Intact = false,
        EntriesChecked = checkedCount,
        FirstBrokenSequence = sequence,
        Problem = $"Audit entry {sequence}: {problem}.",
    };
}
