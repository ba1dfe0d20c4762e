using AssetAuction.Domain.Proceeds;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>Builders for distributions: one asset "A-1", a coercion decision on 2026-01-15, payment on 2026-03-10 (legacy regime).</summary>
internal static class ProceedsFixtures
{
    public const string Asset = "A-1";
    public static readonly DateOnly Decision = new(2026, 1, 15);
    public static readonly DateOnly Payment = new(2026, 3, 10);

    public static ProceedsContext Sale(long collected, long costs = 0, long housing = 0) => new()
    {
        AssetId = Asset,
        Collected = collected,
        EnforcementCosts = costs,
        HousingAmount = housing,
        OnlyResidence = housing > 0,
        DecisionDate = Decision,
        Decision = "QD-CC 12",
        PaymentDate = Payment,
    };

    /// <summary>A judgment creditor who requested enforcement <paramref name="daysBeforeDecision"/> days before the decision.</summary>
    public static Obligation Owed(string id, long owed, ObligationCategory category = ObligationCategory.Other, int daysBeforeDecision = 30) => new()
    {
        CreditorId = id,
        CreditorName = id.ToUpperInvariant(),
        Owed = owed,
        Category = category,
        RequestedOn = Decision.AddDays(-daysBeforeDecision),
        EnforcementDecision = "QD-THA " + id,
        Judgment = "J1",
    };

    public static Obligation SecuredBy(this Obligation o, string asset = Asset, int rank = 1, bool judgmentCreditor = true) =>
        o with { SecuredBy = new Collateral { AssetId = asset, Rank = rank, HolderIsJudgmentCreditor = judgmentCreditor } };

    public static CreditorPayout For(this DistributionPlan plan, string id) => plan.Creditors.Single(c => c.CreditorId == id);
}
