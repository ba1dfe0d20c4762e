using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Audit;

/// <summary>
/// Walks every stored entry in order, including any beyond the journal head, and recomputes every hash: an
/// edited entry breaks its own hash (or, rehashed, the next entry's link), a deleted one breaks the sequence, a
/// cut-off tail or a rehashed last entry disagrees with the journal head, and rows appended past the head are
/// reported as such. The head is read first; entries beyond it are checked against a second read of the head
/// after the walk, so writes committing meanwhile are not mistaken for tampering.
/// Streams the rows, so memory stays flat however long the chain is.
/// </summary>
public sealed class AuditChainVerifier(AssetAuctionDbContext db)
{
    public async Task<VerifyAuditChainResponse> VerifyAsync(CancellationToken ct)
    {
        var head = await ReadHeadAsync(ct);
        long expected = 1;
        var previousHash = AuditHasher.GenesisHash;
        string? hashAtHead = head.LastAuditSequence == 0 ? AuditHasher.GenesisHash : null;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var problem =
                entry.Sequence != expected ? Broken(expected - 1, expected, $"entry {expected} is missing (next found is {entry.Sequence})") :
                AuditHasher.Compute(entry) != entry.Hash ? Broken(expected - 1, expected, $"entry {expected} edited: its content does not match its hash") :
                entry.PreviousHash != previousHash ? Broken(expected - 2, expected - 1, $"entry {expected - 1} edited: its hash was recomputed, and entry {expected} still links to the original") :
                null;
            if (problem is not null)
            {
                return problem;
            }

            if (entry.Sequence == head.LastAuditSequence)
            {
                hashAtHead = entry.Hash;
            }

            previousHash = entry.Hash;
            expected++;
        }

        var last = expected - 1;
        if (last < head.LastAuditSequence)
        {
            return Broken(last, last + 1, $"the chain ends at {last} but the journal head records {head.LastAuditSequence} entries (entries removed from the end)");
        }

        if (hashAtHead != head.LastAuditHash)
        {
            return Broken(head.LastAuditSequence - 1, head.LastAuditSequence, $"last entry edited: entry {head.LastAuditSequence}'s hash does not match the one the journal head recorded");
        }

        if (last > head.LastAuditSequence && await ReadHeadAsync(ct) is var now && last > now.LastAuditSequence)
        {
            return Broken(now.LastAuditSequence, now.LastAuditSequence + 1,
                $"entries after the head: {now.LastAuditSequence + 1} to {last} were not written by the service (the journal head ends at {now.LastAuditSequence})");
        }

        return new VerifyAuditChainResponse { Intact = true, EntriesChecked = last };
    }

    private Task<JournalHead> ReadHeadAsync(CancellationToken ct) =>
        db.JournalHeads.AsNoTracking().SingleAsync(h => h.Id == JournalHead.SingletonId, ct);

    private static VerifyAuditChainResponse Broken(long checkedCount, long sequence, string problem) => new()
    {
        Intact = false,
        EntriesChecked = Math.Max(0, checkedCount),
        FirstBrokenSequence = sequence,
        Problem = $"Audit entry {sequence}: {problem}.",
    };
}
