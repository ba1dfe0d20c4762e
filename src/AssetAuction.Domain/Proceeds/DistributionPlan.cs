namespace AssetAuction.Domain.Proceeds;

/// <summary>Where a line of money goes.</summary>
public enum LineKind
{
    EnforcementCosts = 1,

    /// <summary>Kept back for the debtor's housing.</summary>
    HousingAmount = 2,

    /// <summary>Paid to a creditor, after its enforcement fee.</summary>
    CreditorPayout = 3,

    /// <summary>The enforcement fee withheld from a creditor's share.</summary>
    EnforcementFee = 4,

    /// <summary>Back to the debtor.</summary>
    Surplus = 5,
}

/// <summary>One movement of money out of the proceeds. All lines add up to what was collected.</summary>
public sealed record PlanLine(LineKind Kind, string? CreditorId, long Amount);

/// <summary>The enforcement fee on one creditor's share (TT216 art. 4-6).</summary>
public sealed record FeeCharge
{
    /// <summary>Fee on the cumulative amount received less the fee charged before.</summary>
    public long Due { get; init; }

    /// <summary>Deducted from this payout: the smaller of <see cref="Due"/> and the share.</summary>
    public long Withheld { get; init; }

    /// <summary>Due but more than this payout: still owed by the creditor.</summary>
    public long Outstanding => Due - Withheld;

    public string Explanation { get; init; } = "";
}

/// <summary>What one creditor gets from this distribution.</summary>
public sealed record CreditorPayout
{
    public string CreditorId { get; init; } = "";

    public string CreditorName { get; init; } = "";

    public long Owed { get; init; }

    /// <summary>Credited against the obligation (before the fee).</summary>
    public long Paid { get; init; }

    public FeeCharge Fee { get; init; } = new();

    /// <summary>Money actually transferred: <see cref="Paid"/> less the fee withheld.</summary>
    public long NetPayout => Paid - Fee.Withheld;

    public long Unpaid => Owed - Paid;
}

/// <summary>
/// The statutory distribution of one asset's proceeds: the rounds, each creditor's payout and fee, the money
/// lines (adding up to <see cref="Collected"/>), and the steps in plain English for finance staff.
/// </summary>
public sealed record DistributionPlan
{
    public string AssetId { get; init; } = "";

    public long Collected { get; init; }

    public DateOnly PaymentDate { get; init; }

    /// <summary>The name of the <see cref="ProceedsRules"/> applied.</summary>
    public string RulesName { get; init; } = "";

    public long EnforcementCostsPaid { get; init; }

    /// <summary>Costs the proceeds did not cover.</summary>
    public long EnforcementCostsUnpaid { get; init; }

    public long HousingAmountKept { get; init; }

    public IReadOnlyList<PaymentRound> Rounds { get; init; } = [];

    /// <summary>Every obligation, earlier request first, then creditor id (ordinal).</summary>
    public IReadOnlyList<CreditorPayout> Creditors { get; init; } = [];

    public long Surplus { get; init; }

    public IReadOnlyList<PlanLine> Lines { get; init; } = [];

    /// <summary>What was done and why, in order.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
}
