namespace AssetAuction.Service.Requests;

/// <summary>
/// The resource changed since the caller read it (its etag is stale), or while the request was being written:
/// read it again and retry. A conflict between requests, not a rule of the domain; answered ABORTED.
/// </summary>
public sealed class ConcurrentChangeException(string reason, string message, IReadOnlyDictionary<string, string>? metadata = null) : Exception(message)
{
    /// <summary><see cref="ServiceReasons.EtagMismatch"/> or <see cref="ServiceReasons.ConcurrentModification"/>.</summary>
    public string Reason { get; } = reason;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata ?? new Dictionary<string, string>();

    /// <summary>ETAG_MISMATCH unless <paramref name="sent"/> is the <paramref name="current"/> etag.</summary>
    public static void EnsureEtag(string current, string sent, string message, IReadOnlyDictionary<string, string> metadata)
    {
        if (sent != current)
        {
            throw new ConcurrentChangeException(ServiceReasons.EtagMismatch, message, metadata);
        }
    }
}
