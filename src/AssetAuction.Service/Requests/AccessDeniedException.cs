namespace AssetAuction.Service.Requests;

/// <summary>
/// The caller may not do this: its role may not call the RPC, or the thing belongs to another office or
/// organization. A refusal of the service's access rules, not of the domain's; answered PERMISSION_DENIED.
/// </summary>
public sealed class AccessDeniedException(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) : Exception(message)
{
    /// <summary><see cref="ServiceReasons.RoleNotAllowed"/> or <see cref="ServiceReasons.OfficeNotAllowed"/>.</summary>
    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();
}
