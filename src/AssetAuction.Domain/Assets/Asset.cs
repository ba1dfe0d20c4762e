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

    private List<Owner> _owners = [];

    public IReadOnlyList<Owner> Owners => _owners;

    private List<Encumbrance> _encumbrances = [];

    public IReadOnlyList<Encumbrance> Encumbrances => _encumbrances;

    /// <summary>Real-world identity (see <see cref="AssetIdentity"/>); null for kinds without one.</summary>
    public string? IdentityKey { get; private set; }

    /// <summary>The identity key while the seizure is active, null after; a unique index keeps one active seizure per thing.</summary>
    public string? ActiveIdentityKey { get; private set; }

    public string ReleaseReason { get; private set; } = "";

    public DateTimeOffset? ReleaseTime { get; private set; }

    /// <summary>
    /// An act of the asset was keyed in more than the configured number of working days after its legal date
    /// (see <see cref="StepContext.RecordedLateAfterWorkingDays"/>): inspectors look for these.
    /// </summary>
    public bool RecordedLate { get; private set; }

    /// <summary>
    /// The asset's reference in the system the office kept it in before (its case management system, a spreadsheet):
    /// unique per office, so that system can map its records to ours. Null when none was given.
    /// </summary>
    public string? SourceReference { get; private set; }

    /// <summary>The import (imports/{id}) that took the asset in from the office's previous system; null when registered here.</summary>
    public string? Import { get; private set; }

    /// <summary>
    /// SHA-256 (hex) of the import record the asset was taken in from: the same record imported again is
    /// recognised as unchanged, a different one under the same source reference is refused.
    /// </summary>
    public string? ImportDigest { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    /// <summary>Optimistic concurrency token; the etag clients see.</summary>
    public long Version { get; private set; }

    public string Name => ResourceNames.Asset(Id);

    public static Asset Seize(string id, SeizureAct seizure, string description, AssetDetails details, IEnumerable<Owner> owners, IEnumerable<Encumbrance> encumbrances, StepContext context, string? sourceReference = null)
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
            _owners = [.. owners],
            _encumbrances = [.. encumbrances],
            SourceReference = string.IsNullOrEmpty(sourceReference) ? null : sourceReference,
        };
        if (context.Import is not null)
        {
            asset.Import = context.Import;
        }

        asset.IdentityKey = AssetIdentity.KeyOf(asset.Land, asset.Vehicle);
        asset.ActiveIdentityKey = asset.IdentityKey;
        asset.Recorded("RegisterSeizure", AssetState.Seized, context, seizure.MinutesNumber, seizure.SeizureDate);
        asset.StateSince = EarlierOf(context.Now, seizure.SeizureDate);

        // LTHADS 98.2: the valuation contract (or the parties' price) within 5 working days of seizure.
        var rules = context.RulesOn(seizure.SeizureDate);
        asset.OpenDeadline(context, DeadlineKind.ValuationContract, context.Due(rules.ValuationContract, seizure.SeizureDate), rules, $"LTHADS 98.2: valuation contract within {rules.ValuationContract} of seizure", seizure.SeizureDate);
        return asset;
    }

    /// <summary>
    /// Marks an asset taken in by <see cref="StepContext.Import"/> with the digest of the record it came from, once
    /// its acts are applied. Money the office already held for it (<paramref name="openingBalance"/>, dong, 0 for
    /// none) is brought onto the books as custody against the opening-balance account.
    /// </summary>
    public void CompleteImport(string digest, long openingBalance, DateOnly balanceAsOf, string balanceReference)
    {
        ArgumentException.ThrowIfNullOrEmpty(digest);
        if (Import is null)
        {
            throw new InvalidOperationException("Only an asset seized with an import's step context is imported.");
        }

        ImportDigest = digest;
        if (openingBalance != 0)
        {
            EnsureNotBefore(balanceAsOf, Seizure.SeizureDate, "the seizure", "as_of");
            Moved(Proceeds.MoneyMovement.Receipt(Proceeds.LedgerKinds.OpeningBalance, balanceAsOf, balanceReference, Proceeds.LedgerAccount.OpeningBalance, openingBalance));
        }
    }

    /// <summary>Releases the seizure (giải tỏa kê biên): the asset leaves the pipeline and may be seized again.</summary>
    public void ReleaseSeizure(string reason, StepContext context, DateOnly? decisionDate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        Transitions.Ensure(PipelineAction.ReleaseSeizure, State, Name);
        var releasedOn = decisionDate ?? context.Today;
        EnsureNotBefore(releasedOn, Seizure.SeizureDate, "the seizure", "decision_date");
        ReleaseReason = reason;
        ReleaseTime = context.Now;
        ActiveIdentityKey = null;
        CancelOpenDeadlines(releasedOn, PipelineAction.ReleaseSeizure);
        MoveTo(AssetState.Released, PipelineAction.ReleaseSeizure, context, reason, releasedOn);
    }

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Touch(DateTimeOffset now)
    {
        UpdateTime = now;
        Version++;
    }

    /// <summary>
    /// Records the step in the history and moves the state (the version moves with every change). The step happened
    /// on <paramref name="legalDate"/>, whenever it is keyed in: the asset has been at its new stage since then (the
    /// backlog counts from it), and a step keyed in too long after it is marked recorded late for inspectors.
    /// </summary>
    private void MoveTo(AssetState next, PipelineAction action, StepContext context, string note, DateOnly legalDate)
    {
        Recorded(action.ToString(), next, context, note, legalDate);
        if (next != State)
        {
            StateSince = EarlierOf(context.Now, legalDate);
        }

        State = next;
        Touch(context.Now);
    }

    /// <summary>Adds the history line of an act done on <paramref name="legalDate"/> and recorded now.</summary>
    private void Recorded(string action, AssetState next, StepContext context, string note, DateOnly legalDate)
    {
        var late = context.IsRecordedLate(legalDate);
        _history.Add(new HistoryEntry { Time = context.Now, LegalDate = legalDate, RecordedLate = late, Action = action, FromState = State, ToState = next, Actor = context.Actor, Note = note, Import = context.Import });
        RecordedLate |= late;
    }

    /// <summary>The start of the legal day in Vietnam when that is before <paramref name="now"/> (a past act), else now (an act ahead, such as a notice to be posted).</summary>
    private static DateTimeOffset EarlierOf(DateTimeOffset now, DateOnly legalDate)
    {
        var dayStart = VietnamTime.StartOf(legalDate);
        return dayStart < now ? dayStart : now;
    }
}

/// <summary>Exactly one of the kind-specific details of an asset.</summary>
public sealed record AssetDetails(AssetKind Kind, LandUseRight? Land = null, House? House = null, RoadVehicle? Vehicle = null, OtherMovable? Movable = null);
