using Google.Protobuf;

namespace AssetAuction.Service.Journal;

/// <summary>
/// What a mutation changed, as its handler reports it: each change becomes one audit entry and
/// one event, written by <see cref="MutationRunner"/> in the same transaction.
/// </summary>
public sealed class ChangeLog
{
    private readonly List<Change> _changes = [];

    public IReadOnlyList<Change> Changes => _changes;

    /// <param name="eventType">What happened: one of Events/EventTypes (for example "asset.seized").</param>
    /// <param name="resource">The resource name changed.</param>
    /// <param name="office">The office the resource belongs to (scopes the event).</param>
    /// <param name="before">The resource before the change; null when it is new.</param>
    /// <param name="after">The resource after the change.</param>
    /// <param name="organization">The auction organization the change concerns, if any (its own feed).</param>
    public void Record(string eventType, string resource, string office, IMessage? before, IMessage after, string organization = "") =>
        _changes.Add(new Change(eventType, resource, office, before, after, organization));
}

public sealed record Change(string EventType, string Resource, string Office, IMessage? Before, IMessage After, string Organization = "");
