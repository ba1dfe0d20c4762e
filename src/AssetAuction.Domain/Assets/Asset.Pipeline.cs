using AssetAuction.Domain.Common;
using AssetAuction.Domain.Rules;

namespace AssetAuction.Domain.Assets;

/// <summary>The pipeline's data on the asset and the bookkeeping every step shares (history, deadlines).</summary>
public sealed partial class Asset
{
    /// <summary>The current starting price in dong (from the valuation, then each reduction).</summary>
    public long StartingPrice { get; private set; }

    private List<Valuation> _valuations = [];

    public IReadOnlyList<Valuation> Valuations => _valuations;

    public RevaluationRequest? PendingRevaluation { get; private set; }

    public AuctionContract? Contract { get; private set; }

    private List<CoOwnerAnswer> _coOwnerAnswers = [];

    public IReadOnlyList<CoOwnerAnswer> CoOwnerAnswers => _coOwnerAnswers;

    private List<AuctionRound> _rounds = [];

    public IReadOnlyList<AuctionRound> Rounds => _rounds;

    private List<PriceReduction> _reductions = [];

    public IReadOnlyList<PriceReduction> Reductions => _reductions;

    public Sale? Sale { get; private set; }

    private List<ForfeitedDeposit> _forfeitedDeposits = [];

    public IReadOnlyList<ForfeitedDeposit> ForfeitedDeposits => _forfeitedDeposits;

    public Handover? Handover { get; private set; }

    public Redemption? Redemption { get; private set; }

    public CreditorTakeover? Takeover { get; private set; }

    public ReturnToDebtor? Returned { get; private set; }

    private List<HistoryEntry> _history = [];

    public IReadOnlyList<HistoryEntry> History => _history;

    /// <summary>Sales that were undone (buyer default or cancelled result), with what the buyer had paid.</summary>
    private List<Sale> _pastSales = [];

    public IReadOnlyList<Sale> PastSales => _pastSales;

    private readonly List<Proceeds.MoneyMovement> _movements = [];

    /// <summary>The money the last steps moved, for the service to write to the ledger in the same transaction (not stored on the asset).</summary>
    public IReadOnlyList<Proceeds.MoneyMovement> TakeMovements()
    {
        var taken = _movements.ToList();
        _movements.Clear();
        return taken;
    }

    private void Moved(Proceeds.MoneyMovement movement)
    {
        if (movement.Postings.All(p => p.Amount != 0))
        {
            _movements.Add(movement);
        }
    }

    /// <summary>The day of the step that made the asset ready for auction (contract, reduction, default, cancellation).</summary>
    public DateOnly? ReadyOn { get; private set; }

    private List<Deadline> _deadlines = [];

    public IReadOnlyList<Deadline> Deadlines => _deadlines;

    /// <summary>
    /// Attaches the time limits a reader loaded on their own (an untracked read gets no fix-up from EF Core). Not a
    /// change: an asset whose limits are already attached refuses it.
    /// </summary>
    public void AttachLoadedDeadlines(IEnumerable<Deadline> loaded)
    {
        if (_deadlines.Count > 0)
        {
            throw new InvalidOperationException("The asset's time limits are already attached.");
        }

        _deadlines.AddRange(loaded);
    }

    /// <summary>Land and houses are real estate; the law gives them longer notice and auction windows.</summary>
    public bool IsRealEstate => Kind is AssetKind.LandUseRight or AssetKind.House;

    /// <summary>The debtor's only residence (LTHADS 115.5): a housing amount may be kept back from its proceeds.</summary>
    public bool IsOnlyResidence => Land?.OnlyResidence == true || House?.OnlyResidence == true;

    /// <summary>The round currently scheduled or suspended, if any.</summary>
    public AuctionRound? OpenRound => Rounds.FirstOrDefault(r => r.IsOpen);

    /// <summary>Rounds that were held and failed: the count LTHADS 104.2 looks at.</summary>
    public int FailedRounds => Rounds.Count(r => r.State == AuctionRoundState.Failed);

    /// <summary>Rounds held (sold or failed): the next round's number follows them.</summary>
    public int HeldRounds => Rounds.Count(r => r.State is AuctionRoundState.Failed or AuctionRoundState.Sold);

    private Deadline? OpenDeadlineOf(DeadlineKind kind) => Deadlines.FirstOrDefault(d => d.Kind == kind && d.State == DeadlineState.Open);

    /// <summary>
    /// Opens a time limit computed from the act on <paramref name="openedOn"/>: that legal date is what it records as
    /// opened, whenever the act was keyed in (the entry time is kept beside it).
    /// </summary>
    private void OpenDeadline(StepContext context, DeadlineKind kind, DateOnly due, RuleSet rules, string basis, DateOnly openedOn) =>
        _deadlines.Add(new Deadline(context.NewId(), this, kind, due, rules.Name, basis, openedOn, context.Now));

    /// <summary>The step that meets the limit happened on <paramref name="on"/> (late is recorded as late, not refused).</summary>
    private void MeetDeadline(DeadlineKind kind, DateOnly on, PipelineAction action) => OpenDeadlineOf(kind)?.Close(on, action.ToString());

    /// <summary>A notice the request reports as already given: the limit is opened and closed at once, met or late.</summary>
    private void RecordNotice(StepContext context, DeadlineKind kind, Rules.Period period, DateOnly eventDay, DateOnly noticeDay, Rules.RuleSet rules, string basis, PipelineAction action)
    {
        OpenDeadline(context, kind, context.Due(period, eventDay), rules, basis, eventDay);
        MeetDeadline(kind, noticeDay, action);
    }

    /// <summary>The act on <paramref name="on"/> (its legal date) made the limit unnecessary.</summary>
    private void CancelDeadline(DeadlineKind kind, DateOnly on, PipelineAction action) => OpenDeadlineOf(kind)?.Cancel(on, action);

    private void CancelOpenDeadlines(DateOnly on, PipelineAction action)
    {
        foreach (var deadline in Deadlines.Where(d => d.State == DeadlineState.Open))
        {
            deadline.Cancel(on, action);
        }
    }

    /// <summary>Auction held within 30 / 45 days of the contract (LTHADS 101.2), counted from <paramref name="from"/>.</summary>
    private void OpenAuctionWindow(StepContext context, DateOnly from, string basisFrom)
    {
        ReadyOn = from;
        var rules = context.RulesOn(from);
        var window = IsRealEstate ? rules.AuctionWindowRealEstate : rules.AuctionWindowMovable;
        OpenDeadline(context, DeadlineKind.AuctionHeld, context.Due(window, from), rules, $"LTHADS 101.2: auction within {window} of {basisFrom}", from);
    }

    /// <summary>The proceeds were paid out to the creditors under an approved plan (ND62 27.4): meets that time limit.</summary>
    public void RecordProceedsPaidOut(DateOnly on, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        OpenDeadlineOf(DeadlineKind.PaymentToCreditors)?.Close(on, "RecordPayout");
        Recorded("RecordPayout", State, context, "proceeds paid out to the creditors", on);
        Touch(context.Now);
    }

    private void EnsureNotBefore(DateOnly date, DateOnly earliest, string what, string field)
    {
        if (date < earliest)
        {
            throw DomainException.Precondition(
                Reasons.DateBeforePreviousStep,
                Name,
                $"The {field} ({date:yyyy-MM-dd}) cannot be before {what} ({earliest:yyyy-MM-dd}).",
                Meta(("field", field), ("earliest", earliest)));
        }
    }

    /// <summary>Error metadata: numbers invariant, legal dates as yyyy-MM-dd (what clients parse).</summary>
    private static Dictionary<string, string> Meta(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value is DateOnly day ? Iso(day) : Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
