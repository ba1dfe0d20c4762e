namespace AssetAuction.Domain.Assets;

/// <summary>The statutory time limits a step creates. Stored as numbers: append, never renumber.</summary>
public enum DeadlineKind
{
    /// <summary>Valuation contract signed (or price agreed/decided) within 5 working days of seizure (LTHADS 98.2).</summary>
    ValuationContract = 1,

    /// <summary>Auction contract signed within 10 days of valuation (LTHADS 101.2).</summary>
    AuctionContract = 2,

    /// <summary>Auction held within 30 / 45 days of the contract (LTHADS 101.2).</summary>
    AuctionHeld = 3,

    /// <summary>Price reduction decided after a failed auction (LTHADS 104.1, 104.4).</summary>
    PriceReduction = 4,

    /// <summary>The winner pays the balance (ND62 27.3; Decree 152/2026 art. 65.1).</summary>
    WinnerPayment = 5,

    /// <summary>The asset is handed over within 60 days of full payment (ND62 27.3).</summary>
    Handover = 6,

    /// <summary>The land transfer file goes to the land registration office (Decree 152/2026 art. 69.1).</summary>
    LandTransferFile = 7,

    /// <summary>Proceeds paid to the creditors after the hand-over (ND62 27.4; LTHADS 47.5).</summary>
    PaymentToCreditors = 8,

    /// <summary>The debtor's time to pay everything and keep an asset the creditor will take (LTHADS 104.2).</summary>
    DebtorKeepsAsset = 9,

    /// <summary>The valuation result notified to the parties (TTLT 11/2016 art. 2.8; Decree 152/2026 art. 60.6).</summary>
    ValuationNotice = 10,

    /// <summary>The debtor told that the creditor will take the asset (LTHADS 104.2: 10 days; Decree 152/2026: 3 working days).</summary>
    TakeoverNotice = 11,

    /// <summary>The parties told of a failed auction and asked to agree a reduction (LTHADS 104.1; Decree 152/2026: 2 working days).</summary>
    FailureNotice = 12,
}

public enum DeadlineState
{
    Open = 1,

    /// <summary>The action that meets it happened on or before the due date.</summary>
    Met = 2,

    /// <summary>The action happened, after the due date.</summary>
    MetLate = 3,

    /// <summary>No longer needed (the path changed: redeemed, cancelled, released...).</summary>
    Cancelled = 4,
}

/// <summary>
/// One statutory time limit of an asset: written in the same transaction as the step that creates
/// it and closed by the step that meets it. The deadline jobs only notice and report.
/// </summary>
public sealed class Deadline
{
    private Deadline()
    {
    }

    internal Deadline(string id, Asset asset, DeadlineKind kind, DateOnly dueDate, string ruleSet, string basis, DateOnly openedOn, DateTimeOffset openTime)
    {
        Id = id;
        AssetId = asset.Id;
        Office = asset.Office;
        Officer = asset.Seizure?.Case.Officer ?? "";
        Kind = kind;
        DueDate = dueDate;
        RuleSet = ruleSet;
        Basis = basis;
        OpenedOn = openedOn;
        OpenTime = openTime;
        State = DeadlineState.Open;
    }

    public string Id { get; private set; } = "";

    public string AssetId { get; private set; } = "";

    public string Office { get; private set; } = "";

    /// <summary>The officer in charge of the case (for the "by officer" views).</summary>
    public string Officer { get; private set; } = "";

    public DeadlineKind Kind { get; private set; }

    /// <summary>The last day (Vietnam's calendar) on which the action meets the limit.</summary>
    public DateOnly DueDate { get; private set; }

    /// <summary>The rule set the limit was computed under.</summary>
    public string RuleSet { get; private set; } = "";

    /// <summary>The legal basis, for example "LTHADS 101.2: 45 days from the contract".</summary>
    public string Basis { get; private set; } = "";

    public DeadlineState State { get; private set; }

    /// <summary>The legal date of the act that opened it (the day counting starts from), not the day it was keyed in.</summary>
    public DateOnly OpenedOn { get; private set; }

    /// <summary>When the act that opened it was recorded in the service.</summary>
    public DateTimeOffset OpenTime { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The action that closed it.</summary>
    public string ClosedBy { get; private set; } = "";

    /// <summary>Set by the deadline watch when it reported the limit as near (issue: deadline watch).</summary>
    public DateTimeOffset? ReminderReportedAt { get; private set; }

    /// <summary>Set by the deadline watch when it reported the limit as missed.</summary>
    public DateTimeOffset? OverdueReportedAt { get; private set; }

    internal void Close(DateOnly on, string action)
    {
        State = on <= DueDate ? DeadlineState.Met : DeadlineState.MetLate;
        ClosedOn = on;
        ClosedBy = action;
    }

    internal void Cancel(DateOnly on, PipelineAction action)
    {
        State = DeadlineState.Cancelled;
        ClosedOn = on;
        ClosedBy = action.ToString();
    }
}
