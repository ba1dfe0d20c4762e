using System.Security.Cryptography;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Runs every mutating RPC: one transaction that holds the journal lock, answers a retried
/// request_id from its stored response, runs the change, and writes the audit entries, the
/// events and the idempotency record with it. Either all of it commits or none of it does.
/// </summary>
public sealed class MutationRunner(AssetAuctionDbContext db, JournalWriter journal, TimeProvider clock, EventSignal signal, WriteGate gate)
{
    public async Task<TResponse> RunAsync<TRequest, TResponse>(RequestContext context, TRequest request, string requestId, Func<ChangeLog, Task<TResponse>> change)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(change);
        var ct = context.CancellationToken;

        // One UUID, one key, whatever its letter case (SQLite compares text case-sensitively, SQL Server does not).
        requestId = Guid.ParseExact(requestId, "D").ToString("D");
        var requestHash = Fingerprint(request, context.Caller);

        using var turn = db.Database.IsSqlite() ? await gate.EnterAsync(ct) : null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var head = await journal.LockAsync(ct);

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
        var actor = new Actor(context.Caller.Subject, context.Caller.Role, context.Caller.Scope);
        foreach (var item in log.Changes)
        {
            journal.Append(head, actor, context.Method, requestId, item, now);
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

    /// <summary>
    /// The request without its request_id, and who may see its answer: the caller's role and office (or
    /// organization). A stored response is replayed only when this matches, so a token of another office or role
    /// that happens to carry the same subject (or guesses a request_id) gets REQUEST_ID_REUSED, never the original
    /// caller's response; the role check has already run, and the same role and office have the same rights on
    /// the resource as the original call.
    /// </summary>
    private static string Fingerprint<TRequest>(TRequest request, Security.Caller caller)
        where TRequest : IMessage<TRequest>
    {
        var copy = request.Clone();
        copy.Descriptor.FindFieldByName("request_id")?.Accessor.Clear(copy);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(copy.ToByteArray());
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"\0{caller.Role}\0{caller.Scope}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
