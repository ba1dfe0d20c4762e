using System.Security.Cryptography;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Runs every mutating RPC: one transaction that holds the journal lock, answers a retried
/// request_id from its stored response, runs the change, and writes the audit entries, the
/// events and the idempotency record with it. Either all of it commits or none of it does.
/// </summary>
public sealed class MutationRunner(AssetAuctionDbContext db, TimeProvider clock, EventSignal signal, WriteGate gate)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));

    public async Task<TResponse> RunAsync<TRequest, TResponse>(RequestContext context, TRequest request, string requestId, Func<ChangeLog, Task<TResponse>> change)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        var ct = context.CancellationToken;

        // One UUID, one key, whatever its letter case (SQLite compares text case-sensitively, SQL Server does not).
        requestId = Guid.ParseExact(requestId, "D").ToString("D");
        var requestHash = HashWithoutRequestId(request);

        using var turn = db.Database.IsSqlite() ? await gate.EnterAsync(ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await LockJournalAsync(ct);

        var earlier = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == requestId, ct);
        if (earlier is not null)
        {
            return Replay<TResponse>(earlier, context, requestHash);
        }

        var log = new ChangeLog();
        var response = await change(log);
        if (log.Changes.Count == 0)
        {
            throw new InvalidOperationException($"{context.Method} changed nothing it reported; every mutation must record its change.");
        }

        var now = clock.GetUtcNow();
        foreach (var item in log.Changes)
        {
            AppendAudit(head, context, requestId, item, now);
            AppendEvent(head, requestId, item, now);
        }

        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            RequestId = requestId,
            Subject = context.Caller.Subject,
            Method = context.Method,
            RequestHash = requestHash,
            Response = response.ToByteArray(),
            CreateTime = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        signal.Pulse();
        return response;
    }

    /// <summary>
    /// Takes the journal row's write lock before anything is read: on SQL Server the no-op update
    /// holds an exclusive row lock to commit; on SQLite it takes the database's write lock. Either
    /// way writers queue here, so sequences stay gap-free and the hash chain stays linear.
    /// </summary>
    private async Task<JournalHead> LockJournalAsync(CancellationToken ct)
    {
        await db.JournalHeads.Where(h => h.Id == JournalHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastEventSequence, h => h.LastEventSequence), ct);
        return await db.JournalHeads.SingleAsync(h => h.Id == JournalHead.SingletonId, ct);
    }

    private void AppendAudit(JournalHead head, RequestContext context, string requestId, Change item, DateTimeOffset now)
    {
        var entry = new AuditRecord
        {
            Sequence = head.LastAuditSequence + 1,
            Time = now,
            Subject = context.Caller.Subject,
            Role = context.Caller.Role,
            Office = context.Caller.Scope,
            Rpc = context.Method,
            Resource = item.Resource,
            RequestId = requestId,
            BeforeJson = item.Before is null ? "" : Json.Format(item.Before),
            AfterJson = Json.Format(item.After),
            PreviousHash = head.LastAuditHash,
        };
        entry.Hash = AuditHasher.Compute(entry);
        db.AuditEntries.Add(entry);
        head.LastAuditSequence = entry.Sequence;
        head.LastAuditHash = entry.Hash;
    }

    private void AppendEvent(JournalHead head, string requestId, Change item, DateTimeOffset now)
    {
        head.LastEventSequence++;
        db.Events.Add(new EventRecord
        {
            Sequence = head.LastEventSequence,
            Type = item.EventType,
            Resource = item.Resource,
            Office = item.Office,
            Organization = item.Organization,
            Time = now,
            RequestId = requestId,
            Payload = Any.Pack(item.After).ToByteArray(),
        });
    }

    private static TResponse Replay<TResponse>(IdempotencyRecord earlier, RequestContext context, string requestHash)
        where TResponse : IMessage<TResponse>, new()
    {
        if (earlier.Method != context.Method || earlier.RequestHash != requestHash || earlier.Subject != context.Caller.Subject)
        {
            throw new RequestValidationException(
                [new FieldViolation("request_id", "This request_id was already used for a different request; use a new UUID for a new request.")],
                Reasons.RequestIdReused);
        }

        return new MessageParser<TResponse>(() => new TResponse()).ParseFrom(earlier.Response);
    }

    private static string HashWithoutRequestId<TRequest>(TRequest request)
        where TRequest : IMessage<TRequest>
    {
        var copy = request.Clone();
        copy.Descriptor.FindFieldByName("request_id")?.Accessor.Clear(copy);
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }
}
