namespace AssetAuction.Domain.Proceeds;

/// <summary>What an obligation is for; it decides the priority tier (LTHADS art. 47.1; Law 106/2025 art. 54.1, assumed unchanged).</summary>
public enum ObligationCategory
{
    /// <summary>Maintenance (cấp dưỡng): tier (a).</summary>
    Maintenance = 1,

    /// <summary>Wages and labour pay: tier (a).</summary>
    Wages = 2,

    /// <summary>Severance, job-loss and loss-of-working-capacity allowances: tier (a).</summary>
    LabourClaims = 3,

    /// <summary>Compensation for loss of life, damage to health and mental suffering: tier (a).</summary>
    LifeHealthCompensation = 4,

    /// <summary>Court fees and court charges (án phí, lệ phí Tòa án), always owed to the state budget: tier (b).</summary>
    CourtFee = 5,

    /// <summary>Every other obligation under the judgment: tier (c).</summary>
    Other = 6,
}

/// <summary>The three priority tiers of LTHADS art. 47.1, paid in this order.</summary>
public enum PriorityTier
{
    /// <summary>Maintenance, wages and labour claims, compensation for life and health (art. 47.1.a).</summary>
    A = 1,

    /// <summary>Court fees and charges (art. 47.1.b).</summary>
    B = 2,

    /// <summary>All other obligations under the judgment (art. 47.1.c).</summary>
    C = 3,
}

public static class ObligationCategories
{
    /// <summary>The tier an obligation of <paramref name="category"/> is paid in (LTHADS art. 47.1).</summary>
    public static PriorityTier TierOf(this ObligationCategory category) => category switch
    {
        ObligationCategory.Maintenance or ObligationCategory.Wages or ObligationCategory.LabourClaims or ObligationCategory.LifeHealthCompensation => PriorityTier.A,
        ObligationCategory.CourtFee => PriorityTier.B,
        ObligationCategory.Other => PriorityTier.C,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown obligation category."),
    };

    /// <summary>
    /// Tier (a) money carries no enforcement fee: maintenance, wages, severance and job-loss
    /// allowances, compensation for life and health (TT216 art. 6). We read the loss-of-working-capacity
    /// allowance in <see cref="ObligationCategory.LabourClaims"/> as exempt too.
    /// </summary>
    public static bool IsFeeExempt(this ObligationCategory category) => category.TierOf() == PriorityTier.A;
}
