using AssetAuction.Service.Journal;

namespace AssetAuction.Service.Data;

/// <summary>
/// One row that serialises writers: every change locks it, takes the next event and audit
/// sequence numbers and the last audit hash from it, and moves it on in the same transaction.
/// That is what keeps both sequences gap-free and the hash chain linear on every provider.
/// </summary>
public sealed class JournalHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long LastEventSequence { get; set; }

    public long LastAuditSequence { get; set; }

    public string LastAuditHash { get; set; } = AuditHasher.GenesisHash;
}

/// <summary>An audit entry as stored: immutable once written, chained by SHA-256.</summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }

    public DateTimeOffset Time { get; set; }

    public string Subject { get; set; } = "";

    public string Role { get; set; } = "";

    public string Office { get; set; } = "";

    public string Rpc { get; set; } = "";

    public string Resource { get; set; } = "";

    public string RequestId { get; set; } = "";

    public string BeforeJson { get; set; } = "";

    public string AfterJson { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>An event on the feed, in the same transaction as the change it reports.</summary>
public sealed class EventRecord
{
    public long Sequence { get; set; }

    public string Type { get; set; } = "";

    public string Resource { get; set; } = "";

    public string Office { get; set; } = "";

    /// <summary>The auction organization concerned ("" when none): scopes its round feed.</summary>
    public string Organization { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    public string RequestId { get; set; } = "";

    /// <summary>A serialised google.protobuf.Any holding the resource after the change.</summary>
    public byte[] Payload { get; set; } = [];
}

/// <summary>The stored answer to a mutating request, so that a retry gets the same answer and changes nothing.</summary>
public sealed class IdempotencyRecord
{
    public string RequestId { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Method { get; set; } = "";

    /// <summary>SHA-256 of the request without its request_id: a reused id with other content is refused.</summary>
    public string RequestHash { get; set; } = "";

    public byte[] Response { get; set; } = [];

    public DateTimeOffset CreateTime { get; set; }
}
