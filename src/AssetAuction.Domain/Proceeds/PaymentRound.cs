namespace AssetAuction.Domain.Proceeds;

/// <summary>The stages of the order of payment that pay creditors, in the order they run.</summary>
public enum PaymentStage
{
    /// <summary>A pledgee or mortgagee who is not a judgment creditor, before everything else (LTHADS art. 47.3, second paragraph).</summary>
    ThirdPartySecured = 1,

    /// <summary>The court fee of the judgment under which a secured claim is enforced, before that claim (art. 47.3).</summary>
    CourtFeeBeforeSecured = 2,

    /// <summary>A judgment creditor secured by this asset, after costs, housing amount and that court fee (art. 47.3).</summary>
    Secured = 3,

    /// <summary>Tier (a), tier (b), tier (c) (art. 47.1), inside a <see cref="SharingGroup"/>.</summary>
    TierA = 4,
    TierB = 5,
    TierC = 6,
}

/// <summary>Who shares the money collected under a decision (LTHADS art. 47.2.b; ND62 art. 49.1).</summary>
public enum SharingGroup
{
    /// <summary>Creditors who had requested enforcement by the decision date: they share first.</summary>
    RequestedByDecisionDate = 1,

    /// <summary>Creditors under other enforcement decisions, requested after that date up to the payment: they share what remains.</summary>
    RequestedLater = 2,
}

/// <summary>What one creditor claimed in a round and what it got.</summary>
public sealed record CreditorShare(string CreditorId, long Claim, long Amount);

/// <summary>
/// One round of the order of payment: the money available shared among the claims of one stage (and group
/// and rank). When it does not cover them, it is split pro rata by <see cref="ProRata"/>.
/// </summary>
public sealed record PaymentRound
{
    public PaymentStage Stage { get; init; }

    /// <summary>For the tier stages.</summary>
    public SharingGroup? Group { get; init; }

    /// <summary>For the secured stages: the collateral rank.</summary>
    public int? Rank { get; init; }

    /// <summary>Money left when the round started.</summary>
    public long Available { get; init; }

    /// <summary>The smaller of <see cref="Available"/> and <see cref="TotalClaimed"/>.</summary>
    public long Distributed { get; init; }

    /// <summary>In the order ties are broken: earlier request first, then creditor id (ordinal).</summary>
    public IReadOnlyList<CreditorShare> Shares { get; init; } = [];

    public Int128 TotalClaimed => Shares.Aggregate(Int128.Zero, (sum, s) => sum + s.Claim);

    public bool PaidInFull => Distributed == TotalClaimed;
}
