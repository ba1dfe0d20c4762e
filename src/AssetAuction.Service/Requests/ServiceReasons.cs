namespace AssetAuction.Service.Requests;

/// <summary>
/// The catalog of the reason codes the service gives of its own, beside the domain's (AssetAuction.Domain.Common.Reasons):
/// refusals of the transport (a reused request id, a bad page token, a stale etag, a lost race, a role or office
/// that may not), of the service's limits, and of its operation (the audit chain, the checkpoint key). Each is
/// declared here once and nowhere else. Never rename or remove one: clients switch on them, and the unit test
/// ReasonCatalogTests compares both catalogs with a checked-in snapshot.
/// </summary>
public static class ServiceReasons
{
    // The request (INVALID_ARGUMENT, with a BadRequest naming the field).
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";

    // Concurrency (ABORTED): read again and retry.
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";

    // Access (PERMISSION_DENIED).
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string OfficeNotAllowed = "OFFICE_NOT_ALLOWED";

    // Limits.
    /// <summary>RESOURCE_EXHAUSTED: the caller holds as many open streams as it may.</summary>
    public const string TooManyStreams = "TOO_MANY_STREAMS";

    /// <summary>FAILED_PRECONDITION: a sum is beyond what the API's int64 can carry.</summary>
    public const string BalanceOutOfRange = "BALANCE_OUT_OF_RANGE";

    // Operation (FAILED_PRECONDITION): an operator must act.
    public const string AuditChainDamaged = "AUDIT_CHAIN_DAMAGED";
    public const string CheckpointKeyNotConfigured = "CHECKPOINT_KEY_NOT_CONFIGURED";
}
