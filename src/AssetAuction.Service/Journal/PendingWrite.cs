using AssetAuction.Service.Data;
using Google.Protobuf;

namespace AssetAuction.Service.Journal;

/// <summary>
/// What a decided mutation hands to the journal: its changes, formatted, and its response, serialised here, when it
/// is decided (before the write lock for most writes): the idempotency record stores these bytes and the gRPC answer
/// is written from them (<see cref="Grpc.SerializedResponses"/>), so a response holding a long history is serialised
/// once, and not inside the serial commit loop.
/// </summary>
public sealed class Decision(IReadOnlyList<JournalLine> lines, IMessage? response, ChangeLog? log = null)
{
    public IReadOnlyList<JournalLine> Lines { get; } = lines;

    public IMessage? Response { get; } = response;

    /// <summary>The decision's change log: the asset views it made already travel in it to the write (ChangeLog.Views).</summary>
    public ChangeLog? Log { get; } = log;

    /// <summary>
    /// The response's bytes (empty when there is none), as the idempotency record stores them. A class, not a record:
    /// a <c>with</c> copy with another response would have kept these bytes.
    /// </summary>
    public byte[] ResponseBytes { get; } = response is null ? [] : Grpc.SerializedResponses.Serialize(response, log?.SerializedMessages ?? System.Collections.ObjectModel.ReadOnlyDictionary<IMessage, byte[]>.Empty);
}

/// <summary>How a write ended in its batch.</summary>
public enum WriteOutcome
{
    /// <summary>On disk, with its journal rows and idempotency record.</summary>
    Committed,

    /// <summary>A resource it read changed before it committed (an optimistic version check failed); nothing written.</summary>
    VersionConflict,

    /// <summary>A unique key it relied on was taken meanwhile (for example a parcel seized by another write); nothing written.</summary>
    UniqueConflict,

    /// <summary>Its request_id was committed by another write (a retry racing its original); nothing written.</summary>
    RequestIdTaken,

    /// <summary>It failed on its own (a rule, in a unit decided inside the batch, or the database); nothing written.</summary>
    Failed,
}

public sealed record WriteResult(WriteOutcome Outcome, Exception? Error = null)
{
    public static readonly WriteResult Done = new(WriteOutcome.Committed);
}

/// <summary>
/// One mutation waiting for its batch. Its entities are tracked by its own DbContext (the request's); the batch
/// lends that context its connection and transaction, so the mutation's rows are written inside one savepoint of
/// the shared transaction. Either <see cref="Decided"/> is set (decided before the lock, checked by versions at
/// commit) or <see cref="DecideInBatch"/> runs inside the batch, in turn (for decisions over sums of rows that no
/// single version covers, such as the books).
/// </summary>
public sealed class PendingWrite
{
    public required AssetAuctionDbContext Db { get; init; }

    public required Actor Actor { get; init; }

    public required string Rpc { get; init; }

    public required string RequestId { get; init; }

    /// <summary>The idempotency record to store with the write (its response is filled in at commit); null for jobs.</summary>
    public IdempotencyRecord? Idempotency { get; init; }

    public Decision? Decided { get; init; }

    /// <summary>New rows computed before the lock (an import's chunk, an insert-only mutation), inserted first, before what <see cref="Db"/> tracks.</summary>
    internal PreparedRows? Rows { get; init; }

    public Func<CancellationToken, Task<Decision>>? DecideInBatch { get; init; }

    /// <summary>
    /// A large write (an import's chunk of assets): committed in a batch of its own, batches alternating between one
    /// such write and the ordinary writes waiting, so other offices' writes queued behind several of them wait for
    /// one, never share its commit, and never wait for all (see <see cref="GroupCommit"/>).
    /// </summary>
    public bool Bulk { get; init; }

    /// <summary>Cancels a decision made inside the batch when its caller has gone; the batch itself is never cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }

    internal TaskCompletionSource<WriteResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
