using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Journal;

/// <summary>
/// The one transaction envelope of every mutating RPC (and, through <see cref="GroupCommit"/>, of the jobs):
/// a retried request_id is answered from its stored response; the change is decided; its audit entries, events and
/// idempotency record are written with it in one savepoint of a group-committed transaction. Either all of a
/// mutation is on disk or none of it is, and only what is on disk is acknowledged.
///
/// Two ways to decide:
/// - <see cref="RunOptimisticallyAsync{TRequest,TResponse}"/>: decided before the write lock, on a resource whose
///   version is checked at commit (an asset, an organization). A lost race is ABORTED with ETAG_MISMATCH when
///   the request carried an etag, and otherwise decided again on what is now stored.
/// - <see cref="RunAsync{TRequest,TResponse}"/>: decided inside the batch, in turn, for decisions that read sums
///   over many rows that no single version covers (money held, a plan's payees, a statement's matches). Such a
///   decision sees every write committed before it, as it would under one global lock.
/// </summary>
public sealed class MutationRunner(AssetAuctionDbContext db, GroupCommit commits, AssetDerivedRows derivedRows)
{
    /// <summary>How often a mutation without an etag is decided again after losing a race, before giving up ABORTED.</summary>
    public const int MaxAttempts = 8;

    /// <summary>Decided before the lock, checked by versions at commit. See the class comment.</summary>
    public Task<TResponse> RunOptimisticallyAsync<TRequest, TResponse>(RequestContext context, TRequest request, Func<ChangeLog, Task<TResponse>> decide)
        where TRequest : IMessage<TRequest>, IMutatingRequest
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var etag = (request as IVersionedRequest)?.Etag ?? "";
        return RunCoreAsync(context, request, request.RequestId, decide, inBatch: false, etag);
    }

    /// <summary>Decided inside the write batch, in turn. See the class comment.</summary>
    public Task<TResponse> RunAsync<TRequest, TResponse>(RequestContext context, TRequest request, string requestId, Func<ChangeLog, Task<TResponse>> change)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new() =>
        RunCoreAsync(context, request, requestId, change, inBatch: true, etag: "");

    private async Task<TResponse> RunCoreAsync<TRequest, TResponse>(RequestContext context, TRequest request, string requestId, Func<ChangeLog, Task<TResponse>> decide, bool inBatch, string etag)
        where TRequest : IMessage<TRequest>
        where TResponse : IMessage<TResponse>, new()
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decide);
        var ct = context.CancellationToken;

        // One UUID, one key, whatever its letter case (SQLite compares text case-sensitively, SQL Server does not).
        requestId = Guid.ParseExact(requestId, "D").ToString("D");
        var requestHash = Fingerprint(request, context.Caller);
        var actor = new Actor(context.Caller.Subject, context.Caller.Role, context.Caller.Scope);

        for (var attempt = 1; ; attempt++)
        {
            var earlier = await StoredAnswers.FindAsync(db, requestId, ct);
            if (earlier is not null)
            {
                return Replay<TResponse>(earlier, context, requestHash);
            }

            db.ChangeTracker.Clear();
            db.ChangesPrepared = false;
            TResponse? response = default;
            Decision? made = null; // the last decision made (optimistic or in the batch): its response's bytes
            IReadOnlyList<object> inserted = [];
            async Task<Decision> DecideAsync()
            {
                var log = new ChangeLog();
                response = await decide(log);
                if (log.Changes.Count == 0)
                {
                    throw new InvalidOperationException($"{context.Method} changed nothing it reported; every mutation must record its change.");
                }

                inserted = log.Inserted;
                return made = new Decision([.. log.Changes.Select(JournalWriter.Format)], response, log);
            }

            // Decided before the lock: the change detection and the statistics facts are done here too, in
            // parallel with other requests, so the serial commit loop only writes (see GroupCommit). Its INSERTs and
            // UPDATEs are prepared here as well when they can be (PreparedWrites), leaving the context nothing to save.
            PreparedRows? prepared = null;
            async Task<Decision> DecideAndPrepareAsync()
            {
                var decision = await DecideAsync();
                await derivedRows.RefreshAsync(db, ct, decision.Log?.Views); // detects every change, then refreshes the facts and views
                prepared = PreparedWrites.TryPrepare(db);
                if (prepared is not null)
                {
                    db.ChangeTracker.Clear();
                }

                // New aggregates added untracked go first (nothing tracked is their principal), then the tracked rows;
                // when those are left to SaveChanges, it runs after these INSERTs in the same savepoint.
                if (inserted.Count > 0)
                {
                    var rows = new PreparedRows(db);
                    foreach (var entity in inserted)
                    {
                        rows.Add(entity);
                        if (entity is Domain.Assets.Asset asset)
                        {
                            derivedRows.AddNew(rows, asset, decision.Log?.Views);
                        }
                    }

                    if (prepared is not null)
                    {
                        rows.Append(prepared);
                    }

                    prepared = rows;
                }

                Telemetry.AssetAuctionMetrics.WriteSaves.Add(1, new("rpc.method", context.Method), new("by", prepared is null ? "ef_core" : "prepared"));

                db.ChangesPrepared = true;
                return decision;
            }

            // Decided inside the batch, in turn: its changes are saved there by EF Core, so it may not add untracked rows.
            async Task<Decision> DecideInBatchAsync(CancellationToken token)
            {
                var decision = await DecideAsync();
                return inserted.Count == 0 ? decision : throw new InvalidOperationException($"{context.Method} is decided inside the write batch, where ChangeLog.Insert is not supported.");
            }

            WriteResult result;
            try
            {
                var decided = inBatch ? null : await DecideAndPrepareAsync();
                result = await commits.CommitAsync(new PendingWrite
                {
                    Db = db,
                    Actor = actor,
                    Rpc = context.Method,
                    RequestId = requestId,
                    Idempotency = new IdempotencyRecord { RequestId = requestId, Subject = context.Caller.Subject, Method = context.Method, RequestHash = requestHash },
                    Decided = decided,
                    Rows = prepared,
                    DecideInBatch = inBatch ? DecideInBatchAsync : null,
                    CancellationToken = ct,
                });
            }
            catch (Exception e) when (Refusals.Is(e))
            {
                result = new WriteResult(WriteOutcome.Failed, e);
            }

            // A retry racing its original can decide after the original committed (and be refused by what the
            // original did, for example ASSET_ALREADY_SEIZED): when the request_id is now taken, the answer is the replay.
            if (result.Outcome == WriteOutcome.Failed
                && await StoredAnswers.FindAsync(db, requestId, ct) is { } twin)
            {
                return Replay<TResponse>(twin, context, requestHash);
            }

            switch (result.Outcome)
            {
                case WriteOutcome.Committed:
                    return SerializedResponses.Remember(context.Items, response!, made!.ResponseBytes);
                case WriteOutcome.VersionConflict when etag.Length > 0:
                    throw new ConcurrentChangeException(
                        ServiceReasons.EtagMismatch,
                        "The resource changed while this request was being written; read it again and retry with the new etag.",
                        new Dictionary<string, string> { ["resource"] = (request as IVersionedRequest)?.Name ?? "" });
                case WriteOutcome.VersionConflict or WriteOutcome.UniqueConflict or WriteOutcome.RequestIdTaken when attempt < MaxAttempts:
                    continue;
                case WriteOutcome.Failed:
                    ExceptionDispatchInfo.Throw(result.Error!);
                    break;
            }

            throw new ConcurrentChangeException(
                ServiceReasons.ConcurrentModification,
                $"This request lost {MaxAttempts} races with other writes to the same resource; retry it with the same request_id.",
                new Dictionary<string, string> { ["attempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
    }

    private static TResponse Replay<TResponse>(IdempotencyRecord earlier, RequestContext context, string requestHash)
        where TResponse : IMessage<TResponse>, new()
    {
        if (earlier.Method != context.Method || earlier.RequestHash != requestHash || earlier.Subject != context.Caller.Subject)
        {
            throw new RequestValidationException(
                [new FieldViolation("request_id", "This request_id was already used for a different request; use a new UUID for a new request.")],
                ServiceReasons.RequestIdReused);
        }

        // The gRPC answer is the stored bytes themselves: byte for byte the original's.
        return SerializedResponses.Remember(context.Items, new MessageParser<TResponse>(() => new TResponse()).ParseFrom(earlier.Response), earlier.Response);
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
        if (copy is IMutatingRequest mutating)
        {
            mutating.RequestId = "";
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(copy.ToByteArray());
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"\0{caller.Role}\0{caller.Scope}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
