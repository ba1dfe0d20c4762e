using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>Who made a change, as the audit trail records it.</summary>
public sealed record Actor(string Subject, string Role, string Scope);

/// <summary>
/// Writes audit entries and events for changes, inside the caller's transaction, after the journal
/// lock is taken. Used by every mutating RPC (through <see cref="MutationRunner"/>) and by the jobs.
/// </summary>
public sealed class JournalWriter(AssetAuctionDbContext db)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    /// <summary>
    /// Takes the journal row's write lock before anything is read: on SQL Server the no-op update
    /// holds an exclusive row lock to commit; on SQLite it takes the database's write lock. Either
    /// way writers queue here, so sequences stay gap-free and the hash chain stays linear.
    /// </summary>
    public async Task<JournalHead> LockAsync(CancellationToken ct)
    {
        await db.JournalHeads.Where(h => h.Id == JournalHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastEventSequence, h => h.LastEventSequence), ct);
        var head = await db.JournalHeads.SingleAsync(h => h.Id == JournalHead.SingletonId, ct);

        // Rows past the head were not written through here (someone wrote the database directly). Appending
        // would collide with them on the sequence key and fail INTERNAL; instead changes stop, fail-closed,
        // with a reason an operator can act on, until the rows are looked at with verify-audit and removed.
        if (await db.AuditEntries.AnyAsync(e => e.Sequence > head.LastAuditSequence, ct)
            || await db.Events.AnyAsync(e => e.Sequence > head.LastEventSequence, ct))
        {
            throw DomainException.Precondition(
                ChainDamaged,
                "auditEntries",
                "The audit trail holds entries the service did not write (after its head); changes are stopped until an operator runs verify-audit and repairs the database.");
        }

        return head;
    }

    /// <summary>The reason writes give while rows not written by the service sit past the journal head.</summary>
    public const string ChainDamaged = "AUDIT_CHAIN_DAMAGED";

    /// <summary>One audit entry and one event for <paramref name="change"/>, chained to the head.</summary>
    public void Append(JournalHead head, Actor actor, string rpc, string requestId, Change change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(change);
        var entry = new AuditRecord
        {
            Sequence = head.LastAuditSequence + 1,
            Time = now,
            Subject = actor.Subject,
            Role = actor.Role,
            Office = actor.Scope,
            Rpc = rpc,
            Resource = change.Resource,
            RequestId = requestId,
            BeforeJson = change.Before is null ? "" : Json.Format(WithoutHistory(change.Before)),
            AfterJson = Json.Format(Lean(change.Before, change.After)),
            PreviousHash = head.LastAuditHash,
        };
        entry.Hash = AuditHasher.Compute(entry);
        db.AuditEntries.Add(entry);
        head.LastAuditSequence = entry.Sequence;
        head.LastAuditHash = entry.Hash;

        head.LastEventSequence++;
        db.Events.Add(new EventRecord
        {
            Sequence = head.LastEventSequence,
            Type = change.EventType,
            Resource = change.Resource,
            Office = change.Office,
            Organization = change.Organization,
            Time = now,
            RequestId = requestId,
            Payload = Any.Pack(Lean(change.Before, change.After)).ToByteArray(),
        });
    }

    /// <summary>
    /// What the journal keeps of a changed asset: its state with only the history entries this change added. An
    /// asset's history only grows, so recording all of it again in every audit entry and event would make each
    /// write cost more than the last; the earlier entries are in the earlier audit entries already.
    /// </summary>
    private static IMessage Lean(IMessage? before, IMessage after)
    {
        if (after is not Contracts.V1.Asset asset)
        {
            return after;
        }

        var earlier = (before as Contracts.V1.Asset)?.History.Count ?? 0;
        var lean = asset.Clone();
        lean.History.Clear();
        lean.History.Add(asset.History.Skip(earlier));
        return lean;
    }

    /// <summary>The state before a change, without the history it had (recorded by the entries that added it).</summary>
    private static IMessage WithoutHistory(IMessage before)
    {
        if (before is not Contracts.V1.Asset asset)
        {
            return before;
        }

        var lean = asset.Clone();
        lean.History.Clear();
        return lean;
    }
}
