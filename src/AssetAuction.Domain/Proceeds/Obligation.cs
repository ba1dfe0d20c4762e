namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// One obligation with a claim on the proceeds: one creditor under one head. A creditor owed under two
/// heads (the state budget's court fee and a fine, a bank's secured loan and an unsecured one) appears
/// once per head, each with its own <see cref="CreditorId"/>.
/// </summary>
public sealed record Obligation
{
    /// <summary>Unique within one distribution.</summary>
    public string CreditorId { get; init; } = "";

    public string CreditorName { get; init; } = "";

    /// <summary>What is still owed, in dong (principal and interest together; see LAW-NOTES 4A.12).</summary>
    public long Owed { get; init; }

    public ObligationCategory Category { get; init; } = ObligationCategory.Other;

    /// <summary>The money goes to the state budget (fines, confiscation...). Court fees always do.</summary>
    public bool StateBudget { get; init; }

    /// <summary>The pledge, mortgage or judgment-ordered seizure securing this obligation, if any.</summary>
    public Collateral? SecuredBy { get; init; }

    /// <summary>
    /// The day enforcement was requested; for obligations enforced on the office's own initiative (court
    /// fees, fines), the day of that enforcement decision. Required for every judgment creditor; ignored for
    /// a secured party who is not one.
    /// </summary>
    public DateOnly? RequestedOn { get; init; }

    /// <summary>The enforcement decision this obligation falls under (for the explanation).</summary>
    public string EnforcementDecision { get; init; } = "";

    /// <summary>
    /// The judgment or decision being enforced. A court fee and a secured claim under the same judgment are
    /// linked by it: the court fee is paid first from the collateral (LTHADS art. 47.3). Empty: no link.
    /// </summary>
    public string Judgment { get; init; } = "";

    /// <summary>Already received in this case before this payment: the fee is charged on the cumulative amount (TT216 art. 5.2).</summary>
    public long ReceivedBefore { get; init; }

    /// <summary>Enforcement fee already charged in this case.</summary>
    public long FeeChargedBefore { get; init; }

    /// <summary>Exempt from or waived the fee by decision for a reason the category does not show (TT216 art. 6-7).</summary>
    public bool FeeExempt { get; init; }

    public PriorityTier Tier => Category.TierOf();

    /// <summary>The money goes to the state budget: flagged, or a court fee.</summary>
    public bool ToStateBudget => StateBudget || Category == ObligationCategory.CourtFee;

    /// <summary>False only for a pledgee or mortgagee who is not a judgment creditor (LTHADS art. 47.3, second paragraph).</summary>
    public bool IsJudgmentCreditor => SecuredBy is not { HolderIsJudgmentCreditor: false };

    /// <summary>The name for explanations: "Name (id)", or the id alone.</summary>
    public string Label => string.IsNullOrWhiteSpace(CreditorName) ? CreditorId : $"{CreditorName} ({CreditorId})";
}

/// <summary>The asset securing an obligation: pledged, mortgaged, or seized by the judgment for this obligation.</summary>
public sealed record Collateral
{
    public string AssetId { get; init; } = "";

    /// <summary>Priority among secured claims on the same asset, 1 first (BLDS art. 307-308: order of registration). Equal ranks share pro rata.</summary>
    public int Rank { get; init; } = 1;

    /// <summary>
    /// True when the pledgee or mortgagee is a judgment creditor or the judgment seized the asset for this
    /// obligation: paid after costs, the housing amount and that judgment's court fee. False: a third party,
    /// paid before everything else in LTHADS art. 47, but only up to the proceeds of its collateral.
    /// </summary>
    public bool HolderIsJudgmentCreditor { get; init; } = true;
}
