using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Requests;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>Who made a change, as the audit trail records it.</summary>
public sealed record Actor(string Subject, string Role, string Scope);

/// <summary>
/// One change as the journal stores it, formatted before the write lock is taken: the audit entry's before and
/// after text and the event's payload. Only its place in the sequences and the hash chain are decided under the lock.
/// </summary>
public sealed record JournalLine(string EventType, string Resource, string Office, string Organization, string BeforeJson, string AfterJson, byte[] Payload);

/// <summary>
/// Formats changes for the journal and appends them (audit entry and event, chained to the head) inside a batch's
/// transaction, after the batch has locked the head.
/// </summary>
public static class JournalWriter
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <summary>The reason writes give while rows not written by the service sit past the journal head.</summary>
    public const string ChainDamaged = ServiceReasons.AuditChainDamaged;

    // Compiled once: every batch reads the head and checks what lies past it inside the serial commit loop, where
    // LINQ's per-call translation (funcletizing the captured sequences, hashing the tree for the query cache,
    // compiling a lambda to read them) was 7% of the service's CPU at one write in flight, in a profile.
    private static readonly Func<AssetAuctionDbContext, CancellationToken, Task<JournalHead>> Head =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, CancellationToken ct) => db.JournalHeads.Single(h => h.Id == JournalHead.SingletonId));

    private static readonly Func<AssetAuctionDbContext, long, long, CancellationToken, Task<bool>> RowsPastHead =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, long audit, long events, CancellationToken ct) =>
            db.JournalHeads.Any(h => h.Id == JournalHead.SingletonId && (db.AuditEntries.Any(e => e.Sequence > audit) || db.Events.Any(e => e.Sequence > events))));

    /// <summary>The audit text and the event payload of <paramref name="change"/>; no lock needed.</summary>
    public static JournalLine Format(Change change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var after = Lean(change.Before, change.After);
        return new JournalLine(
            change.EventType,
            change.Resource,
            change.Office,
            change.Organization,
            change.Before is null ? "" : Json.Format(WithoutAppended(change.Before)),
            Json.Format(after),
            Any.Pack(after).ToByteArray());
    }

    /// <summary>
    /// Takes the write lock through <paramref name="gate"/> (the provider's) before anything is read, then reads the
    /// journal head: batches of every process queue at the gate, so sequences stay gap-free and the hash chain stays linear.
    /// </summary>
    public static async Task<JournalHead> LockAsync(AssetAuctionDbContext db, IJournalGate gate, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(gate);
        await gate.EnterAsync(db, ct);

        var head = await Head(db, ct);

        // Rows past the head were not written through here (someone wrote the database directly). Appending
        // would collide with them on the sequence key and fail INTERNAL; instead changes stop, fail-closed,
        // with a reason an operator can act on, until the rows are looked at with verify-audit and removed.
        var (audit, events) = (head.LastAuditSequence, head.LastEventSequence);
        if (await RowsPastHead(db, audit, events, ct))
        {
            throw DomainException.Precondition(
                ChainDamaged,
                "auditEntries",
                "The audit trail holds entries the service did not write (after its head); changes are stopped until an operator runs verify-audit and repairs the database.");
        }

        return head;
    }

    /// <summary>One audit entry and one event for <paramref name="line"/>, chained to <paramref name="head"/>, written by <paramref name="rows"/>.</summary>
    internal static async Task AppendAsync(JournalRows rows, JournalHead head, Actor actor, string rpc, string requestId, JournalLine line, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(line);
        var entry = new AuditRecord
        {
            Sequence = head.LastAuditSequence + 1,
            Time = now,
            Subject = actor.Subject,
            Role = actor.Role,
            Office = actor.Scope,
            Rpc = rpc,
            Resource = line.Resource,
            RequestId = requestId,
            BeforeJson = line.BeforeJson,
            AfterJson = line.AfterJson,
            PreviousHash = head.LastAuditHash,
        };
        entry.Hash = AuditHasher.Compute(entry);
        await rows.AddAsync(entry, CancellationToken.None);
        head.LastAuditSequence = entry.Sequence;
        head.LastAuditHash = entry.Hash;

        await rows.AddAsync(
            new EventRecord
            {
                Sequence = head.LastEventSequence + 1,
                Type = line.EventType,
                Resource = line.Resource,
                Office = line.Office,
                Organization = line.Organization,
                Time = now,
                RequestId = requestId,
                Payload = line.Payload,
            },
            CancellationToken.None);
        head.LastEventSequence++;
    }

    /// <summary>
    /// What the journal keeps of a changed asset or round: its state with only the append-only entries this change
    /// added (the asset's history entries, each round's postponements, suspensions and cancellation). Those lists
    /// only grow, so recording all of them again in every audit entry and event would make each write cost more
    /// than the last; the earlier entries are in the earlier audit entries already.
    /// </summary>
    private static IMessage Lean(IMessage? before, IMessage after)
    {
        switch (after)
        {
            case Contracts.V1.Asset asset:
                var earlierAsset = before as Contracts.V1.Asset;
                if (earlierAsset is null || (earlierAsset.History.Count == 0 && earlierAsset.Rounds.All(r => r.Changes.Count == 0)))
                {
                    // A new asset (or one with nothing appended before): all of it is new; nothing to leave out.
                    return asset;
                }

                var lean = CopyWithoutAppended(asset);
                lean.History.AddRange(asset.History.Skip(earlierAsset.History.Count));
                var earlierRounds = earlierAsset.Rounds.ToDictionary(r => r.Name, r => r.Changes.Count);
                for (var i = 0; i < asset.Rounds.Count; i++)
                {
                    lean.Rounds[i].Changes.AddRange(asset.Rounds[i].Changes.Skip(earlierRounds.GetValueOrDefault(asset.Rounds[i].Name)));
                }

                return lean;
            case Contracts.V1.AuctionRound round when before is Contracts.V1.AuctionRound { Changes.Count: > 0 } earlierRound:
                var leanRound = CopyWithoutAppended(round);
                leanRound.Changes.AddRange(round.Changes.Skip(earlierRound.Changes.Count));
                return leanRound;
            default:
                return after;
        }
    }

    /// <summary>The state before a change, without the append-only entries it had (recorded by the entries that added them).</summary>
    private static IMessage WithoutAppended(IMessage before) => before switch
    {
        Contracts.V1.Asset asset => CopyWithoutAppended(asset),
        Contracts.V1.AuctionRound round => CopyWithoutAppended(round),
        _ => before,
    };

    /// <summary>
    /// A copy of <paramref name="asset"/> with empty append-only lists. The lists are set aside while the message is
    /// cloned and put back before this returns, so the clone does not copy a long history only to drop it. The
    /// message is the change's own (mapped for this request, answered only after the commit), and nothing else
    /// reads it meanwhile.
    /// </summary>
    private static Contracts.V1.Asset CopyWithoutAppended(Contracts.V1.Asset asset)
    {
        var history = asset.History.ToArray();
        var changes = asset.Rounds.Select(r => r.Changes.ToArray()).ToArray();
        asset.History.Clear();
        foreach (var round in asset.Rounds)
        {
            round.Changes.Clear();
        }

        try
        {
            return asset.Clone();
        }
        finally
        {
            asset.History.AddRange(history);
            for (var i = 0; i < changes.Length; i++)
            {
                asset.Rounds[i].Changes.AddRange(changes[i]);
            }
        }
    }

    private static Contracts.V1.AuctionRound CopyWithoutAppended(Contracts.V1.AuctionRound round)
    {
        var changes = round.Changes.ToArray();
        round.Changes.Clear();
        try
        {
            return round.Clone();
        }
        finally
        {
            round.Changes.AddRange(changes);
        }
    }
}
