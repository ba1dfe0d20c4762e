using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Assets;

/// <summary>A seized asset and its path through the pipeline.</summary>
public sealed partial class Asset
{
    private Asset()
    {
    }

    private Asset(string id, SeizureAct seizure, string description, DateTimeOffset now)
    {
        Id = id;
        SeizureId = seizure.Id;
        Seizure = seizure;
        Office = seizure.Case.Office;
        CaseNumber = seizure.Case.CaseNumber;
        Description = description;
        State = AssetState.Seized;
        StateSince = now;
        CreateTime = now;
        UpdateTime = now;
        Version = 1;
    }

    public string Id { get; private set; } = "";

    public string SeizureId { get; private set; } = "";

    public SeizureAct Seizure { get; private set; } = null!;

    /// <summary>The enforcement office that holds the asset (copied from the case for scoping queries).</summary>
    public string Office { get; private set; } = "";

    public string CaseNumber { get; private set; } = "";

    public AssetKind Kind { get; private set; }

    public AssetState State { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>When the asset entered its current state (the backlog view measures how long it stays).</summary>
    public DateTimeOffset StateSince { get; private set; }

    public LandUseRight? Land { get; private set; }

    public House? House { get; private set; }

    public RoadVehicle? Vehicle { get; private set; }

    public OtherMovable? Movable { get; private set; }

    public List<Owner> Owners { get; private set; } = [];

    public List<Encumbrance> Encumbrances { get; private set; } = [];

    /// <summary>Real-world identity (see <see cref="AssetIdentity"/>); null for kinds without one.</summary>
    public string? IdentityKey { get; private set; }

    /// <summary>The identity key while the seizure is active, null after; a unique index keeps one active seizure per thing.</summary>
    public string? ActiveIdentityKey { get; private set; }

    public string ReleaseReason { get; private set; } = "";

    public DateTimeOffset? ReleaseTime { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>Optimistic concurrency token; the etag clients see.</summary>
    public long Version { get; private set; }

    public string Name => ResourceNames.Asset(Id);

    public static Asset Seize(string id, SeizureAct seizure, string description, AssetDetails details, IEnumerable<Owner> owners, IEnumerable<Encumbrance> encumbrances, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(seizure);
        ArgumentNullException.ThrowIfNull(context);
        var asset = new Asset(id, seizure, description, context.Now)
        {
            Kind = details.Kind,
            Land = details.Land,
            House = details.House,
            Vehicle = details.Vehicle,
            Movable = details.Movable,
            Owners = [.. owners],
            Encumbrances = [.. encumbrances],
        };
        asset.IdentityKey = AssetIdentity.KeyOf(asset.Land, asset.Vehicle);
        asset.ActiveIdentityKey = asset.IdentityKey;
        asset.History.Add(new HistoryEntry { Time = context.Now, Action = "RegisterSeizure", FromState = AssetState.Seized, ToState = AssetState.Seized, Actor = context.Actor, Note = seizure.MinutesNumber });

        // LTHADS 98.2: the valuation contract (or the parties' price) within 5 working days of seizure.
        var rules = context.RulesOn(seizure.SeizureDate);
        asset.OpenDeadline(context, DeadlineKind.ValuationContract, context.Due(rules.ValuationContract, seizure.SeizureDate), rules, $"LTHADS 98.2: valuation contract within {rules.ValuationContract} of seizure", seizure.SeizureDate);
        return asset;
    }

    /// <summary>Releases the seizure (giải tỏa kê biên): the asset leaves the pipeline and may be seized again.</summary>
    public void ReleaseSeizure(string reason, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ReleaseSeizure, State, Name);
        ReleaseReason = reason;
        ReleaseTime = context.Now;
        ActiveIdentityKey = null;
        CancelOpenDeadlines(context.Today, PipelineAction.ReleaseSeizure);
        MoveTo(AssetState.Released, PipelineAction.ReleaseSeizure, context, reason);
    }

    /// <summary>Checks the etag a client read against the current version (AIP-154).</summary>
    public void CheckEtag(string etag)
    {
        if (etag != Etag)
        {
            throw new DomainException(
                DomainErrorKind.Aborted,
                Reasons.EtagMismatch,
                "The asset changed since you read it; read it again and retry with the new etag.",
                new Dictionary<string, string> { ["asset"] = Name, ["current_etag"] = Etag });
        }
    }

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Touch(DateTimeOffset now)
    {
        UpdateTime = now;
        Version++;
    }

    /// <summary>Records the step in the history and moves the state (the version moves with every change).</summary>
    private void MoveTo(AssetState next, PipelineAction action, StepContext context, string note = "")
    {
        History.Add(new HistoryEntry { Time = context.Now, Action = action.ToString(), FromState = State, ToState = next, Actor = context.Actor, Note = note });
        if (next != State)
        {
            StateSince = context.Now;
        }

        State = next;
        Touch(context.Now);
    }
}

/// <summary>Exactly one of the kind-specific details of an asset.</summary>
public sealed record AssetDetails(AssetKind Kind, LandUseRight? Land = null, House? House = null, RoadVehicle? Vehicle = null, OtherMovable? Movable = null);
