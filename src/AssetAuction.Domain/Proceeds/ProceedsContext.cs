namespace AssetAuction.Domain.Proceeds;

/// <summary>The money collected from one asset and what must be deducted from it before creditors are paid.</summary>
public sealed record ProceedsContext
{
    /// <summary>The asset whose proceeds these are; secured claims on it are paid from them first.</summary>
    public string AssetId { get; init; } = "";

    /// <summary>Amount collected, in dong.</summary>
    public long Collected { get; init; }

    /// <summary>Enforcement costs (valuation, auction, storage, coercion), deducted first (LTHADS art. 47.1). May exceed what was collected.</summary>
    public long EnforcementCosts { get; init; }

    /// <summary>
    /// Kept back for the debtor's housing when the only home was sold (LTHADS art. 115.5: one year's local
    /// rent; Decree 152/2026 art. 67.3: 12 x the regional minimum wage). 0 when it does not apply.
    /// </summary>
    public long HousingAmount { get; init; }

    /// <summary>The asset sold was the debtor's only residence: the only case a housing amount is kept back.</summary>
    public bool OnlyResidence { get; init; }

    /// <summary>
    /// The date that decides who shares first: the coercion decision under which the money was collected, or
    /// the minutes of the debtor's voluntary hand-over (ND62 art. 49.1); for a supplementary seizure, the
    /// original seizure decision (Decree 152/2026 art. 29.3).
    /// </summary>
    public DateOnly DecisionDate { get; init; }

    /// <summary>The decision's number, for the explanation.</summary>
    public string Decision { get; init; } = "";

    /// <summary>The day the money is paid out: later requesters share up to it; the fee schedule is the one in force on it.</summary>
    public DateOnly PaymentDate { get; init; }
}
