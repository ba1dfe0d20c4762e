namespace AssetAuction.Domain.Rules;

/// <summary>Who receives a winner's forfeited deposit.</summary>
public enum ForfeitedDepositRecipient
{
    /// <summary>Legacy: after auction costs, to the state budget (ND62 art. 27.5).</summary>
    StateBudget = 1,

    /// <summary>2026: a winner who accepted then failed to pay: to the enforcement agency (Decree 152/2026 art. 65.5).</summary>
    EnforcementAgency = 2,
}

/// <summary>
/// Every number and time limit of the pipeline, as in force from <see cref="EffectiveFrom"/>.
/// Rule sets are configuration (Rules/rulesets.json); an act is judged by the set in force on
/// the day it happens (Decree 152/2026 art. 115: later steps of a straddling case follow the new rules).
/// Sources are cited per field; values the 2026 texts read so far do not settle keep the legacy value
/// (LAW-NOTES.md section 8) and are marked "unverified" in the file.
/// </summary>
public sealed record RuleSet
{
    public string Name { get; init; } = "";

    public DateOnly EffectiveFrom { get; init; }

    /// <summary>Valuation contract signed within this period from seizure (LTHADS 98.2).</summary>
    public Period ValuationContract { get; init; } = Period.WorkingDays(5);

    /// <summary>Valuation result notified to the parties (TTLT 11/2016 art. 2.8; Decree 152/2026 art. 60.6).</summary>
    public Period ValuationNotice { get; init; } = Period.WorkingDays(3);

    /// <summary>A party may ask for re-valuation, once, within this period of the result notice (LTHADS 99).</summary>
    public Period RevaluationRequest { get; init; } = Period.WorkingDays(5);

    /// <summary>Parties may agree on the auction organization within this period of valuation (LTHADS 101.2).</summary>
    public Period OrganizationChoice { get; init; } = Period.WorkingDays(5);

    /// <summary>Auction contract signed within this period of valuation (LTHADS 101.2).</summary>
    public Period AuctionContract { get; init; } = Period.Days(10);

    /// <summary>Auction held within this period of the contract: movables (LTHADS 101.2).</summary>
    public Period AuctionWindowMovable { get; init; } = Period.Days(30);

    /// <summary>Auction held within this period of the contract: real estate (LTHADS 101.2).</summary>
    public Period AuctionWindowRealEstate { get; init; } = Period.Days(45);

    /// <summary>Minimum posting before the auction: movables, 7 working days (LDGTS 35.1.a).</summary>
    public Period PostingMovable { get; init; } = Period.WorkingDays(7);

    /// <summary>Minimum posting before the auction: real estate, 15 days (LDGTS 35.1.b).</summary>
    public Period PostingRealEstate { get; init; } = Period.Days(15);

    /// <summary>Deposit bounds in basis points of the starting price: 5%-20% (LDGTS 39.1).</summary>
    public int DepositMinBasisPoints { get; init; } = 500;

    public int DepositMaxBasisPoints { get; init; } = 2000;

    /// <summary>The debtor may redeem up to this many working days before the auction (LTHADS 101.5).</summary>
    public int RedemptionCutoffWorkingDays { get; init; } = 1;

    /// <summary>Failed auction notified to the parties with a request to agree a reduction (LTHADS 104.1; Decree 152/2026: 2 working days).</summary>
    public Period FailedAuctionNotice { get; init; } = Period.WorkingDays(5);

    /// <summary>Without the parties' agreement the officer decides the reduction within this period of the failure notice (LTHADS 104.1).</summary>
    public Period ReductionDecision { get; init; } = Period.Days(10);

    /// <summary>Debts to the state budget: reduction decided within this period, without waiting for the parties (LTHADS 104.4).</summary>
    public Period StateBudgetReductionDecision { get; init; } = Period.Days(10);

    /// <summary>Each reduction at most this share of the previous round's starting price, in basis points (LTHADS 104.5).</summary>
    public int MaxReductionBasisPoints { get; init; } = 1000;

    /// <summary>From this failed round on (the one held at the second reduced price) the creditor may take the asset (LTHADS 104.2).</summary>
    public int CreditorTakeoverFromFailedRound { get; init; } = 3;

    /// <summary>The officer informs the debtor that the creditor will take the asset (LTHADS 104.2: 10 days; 2026: 3 working days).</summary>
    public Period TakeoverNoticeToDebtor { get; init; } = Period.Days(10);

    /// <summary>The debtor's time to pay everything and keep the asset (LTHADS 104.2: 30 days; Decree 152/2026 art. 65.6: 5 working days).</summary>
    public Period DebtorKeepsAsset { get; init; } = Period.Days(30);

    /// <summary>Winner pays the balance within this period of the auction (ND62 27.3; Decree 152/2026 art. 65.1).</summary>
    public Period WinnerPayment { get; init; } = Period.Days(30);

    /// <summary>Longest agreed extension of the winner's payment (legacy: none, 30; 2026: 60 days).</summary>
    public Period WinnerPaymentMaxExtended { get; init; } = Period.Days(30);

    public ForfeitedDepositRecipient ForfeitedDeposit { get; init; } = ForfeitedDepositRecipient.StateBudget;

    /// <summary>Hand-over within this period of full payment (ND62 27.3; Decree 152/2026 art. 67.1.c).</summary>
    public Period Handover { get; init; } = Period.Days(60);

    /// <summary>Land transfer file sent to the land registration office within this period of hand-over (Decree 152/2026 art. 69.1); null when the regime sets none.</summary>
    public Period? LandTransferFile { get; init; }

    /// <summary>Proceeds paid to creditors within this period of the hand-over (ND62 27.4; LTHADS 47.5).</summary>
    public Period PaymentToCreditors { get; init; } = Period.Days(10);

    /// <summary>A request to agree a cancellation of the result is handled within this period (TTLT 11/2016 art. 5.3).</summary>
    public Period CancellationHandling { get; init; } = Period.Days(10);

    /// <summary>Co-owners' priority window before the first sale: real estate 3 months, movables 1 month (LTHADS 74.3).</summary>
    public Period CoOwnerWindowRealEstate { get; init; } = new() { Count = 3, Unit = PeriodUnit.Months };

    public Period CoOwnerWindowMovable { get; init; } = new() { Count = 1, Unit = PeriodUnit.Months };

    /// <summary>What is wrong with this rule set, or an empty list.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("a rule set needs a Name");
        }

        if (DepositMinBasisPoints <= 0 || DepositMaxBasisPoints < DepositMinBasisPoints || DepositMaxBasisPoints > 10_000)
        {
            problems.Add($"{Name}: deposit bounds must satisfy 0 < min <= max <= 10000 basis points");
        }

        if (MaxReductionBasisPoints is <= 0 or >= 10_000)
        {
            problems.Add($"{Name}: MaxReductionBasisPoints must be between 1 and 9999");
        }

        if (CreditorTakeoverFromFailedRound < 1 || RedemptionCutoffWorkingDays < 0)
        {
            problems.Add($"{Name}: CreditorTakeoverFromFailedRound must be >= 1 and RedemptionCutoffWorkingDays >= 0");
        }

        Period?[] periods = [ValuationContract, ValuationNotice, RevaluationRequest, OrganizationChoice, AuctionContract, AuctionWindowMovable, AuctionWindowRealEstate,
            PostingMovable, PostingRealEstate, FailedAuctionNotice, ReductionDecision, StateBudgetReductionDecision, TakeoverNoticeToDebtor, DebtorKeepsAsset,
            WinnerPayment, WinnerPaymentMaxExtended, Handover, LandTransferFile, PaymentToCreditors, CancellationHandling, CoOwnerWindowRealEstate, CoOwnerWindowMovable];
        if (periods.Any(p => p is not null && (p.Count < 0 || !Enum.IsDefined(p.Unit))))
        {
            problems.Add($"{Name}: every period needs a Count >= 0 and a Unit of WorkingDays, Days or Months");
        }

        return problems;
    }
}
