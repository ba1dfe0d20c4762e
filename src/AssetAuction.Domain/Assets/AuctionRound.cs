namespace AssetAuction.Domain.Assets;

public enum AuctionRoundState
{
    Scheduled = 1,
    Suspended = 2,
    Cancelled = 3,
    Sold = 4,
    Failed = 5,
}

/// <summary>How bids are made (LDGTS 40).</summary>
public enum AuctionMethod
{
    Unspecified = 0,
    Oral = 1,
    DirectBallot = 2,
    IndirectBallot = 3,
    Online = 4,
}

/// <summary>Why a round failed (LDGTS 52). Stored as numbers: append only.</summary>
public enum FailureReason
{
    Unspecified = 0,
    NoRegistrants = 1,
    NoBids = 2,
    HighestBidBelowStartingPrice = 3,
    WinnerRefusedToSign = 4,
    BidsWithdrawn = 5,
    ResultRefused = 6,
    SingleRegistrantNotAllowed = 7,
}

/// <summary>A change made to a scheduled round before it was held.</summary>
public sealed class RoundChange
{
    public DateTimeOffset Time { get; init; }

    /// <summary>"postponed", "suspended", "cancelled".</summary>
    public string Kind { get; init; } = "";

    public string Reason { get; init; } = "";

    public DateTimeOffset? PreviousAuctionTime { get; init; }

    public DateTimeOffset? NewAuctionTime { get; init; }
}

/// <summary>One auction round of an asset, contracted to one auction organization.</summary>
public sealed class AuctionRound
{
    private AuctionRound()
    {
    }

    internal AuctionRound(string id, Asset asset, int number, AuctionRoundPlan plan)
    {
        Id = id;
        AssetId = asset.Id;
        Office = asset.Office;
        Number = number;
        OrganizationId = asset.Contract!.OrganizationId;
        StartingPrice = asset.StartingPrice;
        State = AuctionRoundState.Scheduled;
        Apply(plan);
    }

    public string Id { get; private set; } = "";

    public string AssetId { get; private set; } = "";

    public string Office { get; private set; } = "";

    /// <summary>1 for the first auction; a failed round is followed by the next number.</summary>
    public int Number { get; private set; }

    public string OrganizationId { get; private set; } = "";

    public long StartingPrice { get; private set; }

    public AuctionRoundState State { get; private set; }

    public DateTimeOffset AuctionTime { get; private set; }

    /// <summary>The auction's legal date in Vietnam (time limits count on it).</summary>
    public DateOnly AuctionDate { get; private set; }

    public string Place { get; private set; } = "";

    public bool Online { get; private set; }

    public DateOnly PostingDate { get; private set; }

    public DateOnly RegistrationStart { get; private set; }

    public DateOnly RegistrationEnd { get; private set; }

    public long Deposit { get; private set; }

    public long BidStep { get; private set; }

    public AuctionMethod Method { get; private set; }

    private List<RoundChange> _changes = [];

    public IReadOnlyList<RoundChange> Changes => _changes;

    public Party? Winner { get; private set; }

    public long WinningPrice { get; private set; }

    public long DepositPaid { get; private set; }

    public FailureReason FailureReason { get; private set; }

    public string ResultNote { get; private set; } = "";

    public DateTimeOffset? ResultTime { get; private set; }

    public DateTimeOffset UpdateTime { get; private set; }

    public bool IsOpen => State is AuctionRoundState.Scheduled or AuctionRoundState.Suspended;

    internal void Apply(AuctionRoundPlan plan)
    {
        AuctionTime = plan.AuctionTime;
        AuctionDate = plan.AuctionDate;
        Place = plan.Place;
        Online = plan.Online;
        PostingDate = plan.PostingDate;
        RegistrationStart = plan.RegistrationStart;
        RegistrationEnd = plan.RegistrationEnd;
        Deposit = plan.Deposit;
        BidStep = plan.BidStep;
        Method = plan.Method;
    }

    internal void Postpone(AuctionRoundPlan plan, string reason, DateTimeOffset now)
    {
        _changes.Add(new RoundChange { Time = now, Kind = "postponed", Reason = reason, PreviousAuctionTime = AuctionTime, NewAuctionTime = plan.AuctionTime });
        Apply(plan);
        State = AuctionRoundState.Scheduled;
        UpdateTime = now;
    }

    internal void Suspend(string reason, DateTimeOffset now)
    {
        _changes.Add(new RoundChange { Time = now, Kind = "suspended", Reason = reason, PreviousAuctionTime = AuctionTime });
        State = AuctionRoundState.Suspended;
        UpdateTime = now;
    }

    internal void Cancel(string reason, DateTimeOffset now)
    {
        _changes.Add(new RoundChange { Time = now, Kind = "cancelled", Reason = reason, PreviousAuctionTime = AuctionTime });
        State = AuctionRoundState.Cancelled;
        UpdateTime = now;
    }

    internal void RecordSold(Party winner, long price, long depositPaid, string note, DateTimeOffset now)
    {
        State = AuctionRoundState.Sold;
        Winner = winner;
        WinningPrice = price;
        DepositPaid = depositPaid;
        ResultNote = note;
        ResultTime = now;
        UpdateTime = now;
    }

    internal void RecordFailed(FailureReason reason, string note, DateTimeOffset now)
    {
        State = AuctionRoundState.Failed;
        FailureReason = reason;
        ResultNote = note;
        ResultTime = now;
        UpdateTime = now;
    }

    internal void Touch(DateTimeOffset now) => UpdateTime = now;
}

/// <summary>What the officer and the organization fix for a round.</summary>
public sealed record AuctionRoundPlan(
    DateTimeOffset AuctionTime,
    DateOnly AuctionDate,
    string Place,
    bool Online,
    DateOnly PostingDate,
    DateOnly RegistrationStart,
    DateOnly RegistrationEnd,
    long Deposit,
    long BidStep,
    AuctionMethod Method);
