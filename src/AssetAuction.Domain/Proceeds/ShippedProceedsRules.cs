namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// The proceeds rules shipped with the service. The fee table is TT216 art. 4, unchanged in both sets:
/// whether a new circular replaced TT216 in 2026 is not confirmed (LAW-NOTES 4C, 8.3), so only the base
/// salary moves. The earliest set starts with the base salary of Decree 73/2024 (2024-07-01); payments
/// before that need an earlier set.
/// </summary>
public static class ShippedProceedsRules
{
    /// <summary>TT216 art. 4: 3% to 5 billion, then 2%, 1%, 0.5% and 0.01% of the part above 5, 7, 10 and 15 billion.</summary>
    public static IReadOnlyList<FeeBand> Tt216Bands { get; } =
    [
        new() { Above = 0, BaseFee = 0, RateBasisPoints = 300 },
        new() { Above = 5_000_000_000, BaseFee = 150_000_000, RateBasisPoints = 200 },
        new() { Above = 7_000_000_000, BaseFee = 190_000_000, RateBasisPoints = 100 },
        new() { Above = 10_000_000_000, BaseFee = 220_000_000, RateBasisPoints = 50 },
        new() { Above = 15_000_000_000, BaseFee = 245_000_000, RateBasisPoints = 1 },
    ];

    /// <summary>LTHADS 2008 (as amended) and ND62; base salary 2,340,000 (Decree 73/2024).</summary>
    public static ProceedsRules Legacy { get; } = new()
    {
        Name = "legacy",
        EffectiveFrom = new DateOnly(2024, 7, 1),
        Fees = new FeeSchedule { BaseSalary = 2_340_000, Bands = Tt216Bands },
        Citations = new ProceedsCitations
        {
            OrderOfPayment = "LTHADS art. 47; ND62 art. 49",
            Costs = "LTHADS art. 47.1",
            Housing = "LTHADS art. 47.1 and 115.5",
            Secured = "LTHADS art. 47.3",
            Tiers = "LTHADS art. 47.1",
            ProRata = "LTHADS art. 47.2.a",
            Sharing = "LTHADS art. 47.2.b; ND62 art. 49.1",
            Surplus = "LTHADS art. 47.2.c",
            Fee = "TT216 art. 4-6",
        },
    };

    /// <summary>Law 106/2025 and Decree 152/2026 from 2026-07-01; base salary 2,530,000 (Decree 161/2026). The tiers are assumed unchanged (LAW-NOTES 4B).</summary>
    public static ProceedsRules Regime2026 { get; } = new()
    {
        Name = "2026",
        EffectiveFrom = new DateOnly(2026, 7, 1),
        Fees = new FeeSchedule { BaseSalary = 2_530_000, Bands = Tt216Bands },
        Citations = new ProceedsCitations
        {
            OrderOfPayment = "Law 106/2025 art. 54; Decree 152/2026 art. 29-30",
            Costs = "Law 106/2025 art. 54",
            Housing = "Law 106/2025 art. 89.2; Decree 152/2026 art. 67.3",
            Secured = "Law 106/2025 art. 54.3-54.4",
            Tiers = "Law 106/2025 art. 54.1, tiers as in LTHADS art. 47.1 (unverified)",
            ProRata = "Law 106/2025 art. 54, as LTHADS art. 47.2.a",
            Sharing = "Law 106/2025 art. 54, as LTHADS art. 47.2.b; Decree 152/2026 art. 29.3",
            Surplus = "Law 106/2025 art. 54, as LTHADS art. 47.2.c",
            Fee = "TT216 art. 4-6; base salary of Decree 161/2026",
        },
    };

    public static ProceedsRuleBook Book { get; } = new([Legacy, Regime2026]);
}
