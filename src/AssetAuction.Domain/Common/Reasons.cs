namespace AssetAuction.Domain.Common;

/// <summary>Stable reason codes carried in google.rpc.ErrorInfo. Never rename one: clients switch on them.</summary>
public static class Reasons
{
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";
    public const string RoleNotAllowed = "ROLE_NOT_ALLOWED";
    public const string OfficeNotAllowed = "OFFICE_NOT_ALLOWED";
    public const string AssetNotFound = "ASSET_NOT_FOUND";
    public const string AssetAlreadySeized = "ASSET_ALREADY_SEIZED";
    public const string AssetNotReleasable = "ASSET_NOT_RELEASABLE";
}
