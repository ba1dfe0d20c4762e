using Google.Protobuf;

namespace AssetAuction.Service.Journal;

/// <summary>
/// What a mutation changed, as its handler reports it: each change becomes one audit entry and
/// one event, written by <see cref="MutationRunner"/> in the same transaction.
/// </summary>
public sealed class ChangeLog
{
    private readonly List<Change> _changes = [];
    private readonly List<object> _inserted = [];
    private readonly Dictionary<IMessage, byte[]> _serialized = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, (long Version, byte[] Bytes)> _views = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<Change> Changes => _changes;

    /// <summary>The new entities the mutation adds untracked (see <see cref="Insert"/>), in the order added.</summary>
    public IReadOnlyList<object> Inserted => _inserted;

    /// <summary>Messages this mutation serialised while deciding, by the message object (see <see cref="Serialized"/>).</summary>
    public IReadOnlyDictionary<IMessage, byte[]> SerializedMessages => _serialized;

    /// <summary>The view bytes of the assets this mutation recorded, by the asset object, with the version they show.</summary>
    public IReadOnlyDictionary<object, (long Version, byte[] Bytes)> Views => _views;

    /// <summary>
    /// Serialises <paramref name="message"/>, the message of <paramref name="entity"/> (an asset) at
    /// <paramref name="version"/> as the change leaves it, once: the bytes are its view and go inside the response
    /// that holds it (Grpc/SerializedResponses). Nothing may change the message afterwards.
    /// </summary>
    public void Serialized(object entity, long version, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(message);
        var bytes = message.ToByteArray();
        _serialized[message] = bytes;
        _views[entity] = (version, bytes);
    }

    /// <summary>
    /// Adds a new entity (with its dependents: an asset's rounds and time limits) without EF Core tracking it: its
    /// row is written by a prepared INSERT made from the model, before any change the context tracks, and a new
    /// asset gets its statistics fact and read view with it. For mutations decided before the write lock that add
    /// whole new aggregates (a seizure act and its assets): tracking a new graph only to read it back as rows cost
    /// a sixth of RegisterSeizure's CPU. A principal must be inserted before its dependents, and an entity inserted
    /// here must not depend on one the context tracks as added.
    /// </summary>
    public void Insert(object entity) => _inserted.Add(entity ?? throw new ArgumentNullException(nameof(entity)));

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
