namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// The enforcement fee on one creditor's share (TT216 art. 4-6), withheld before paying out (art. 5).
/// It is computed on the cumulative amount received in the case, less the fee already charged, so
/// instalments cost exactly what one payment would (art. 5.2).
/// </summary>
internal static class EnforcementFees
{
    public static FeeCharge For(Obligation o, long paid, ProceedsRules rules)
    {
        if (paid == 0)
        {
            return new FeeCharge();
        }

        var cite = rules.Citations.Fee;
        var exemption = ExemptionOf(o);
        if (exemption is not null)
        {
            return new FeeCharge { Explanation = $"{o.Label}: no enforcement fee, {exemption} ({cite}); pays out {Wording.Dong(paid)}." };
        }

        // Validation keeps ReceivedBefore + Owed within a long, and paid <= Owed.
        var cumulative = o.ReceivedBefore + paid;
        var due = Math.Max(0, rules.Fees.FeeOn(cumulative) - o.FeeChargedBefore);
        var withheld = Math.Min(due, paid);
        var received = o.ReceivedBefore > 0
            ? $"{Wording.Dong(cumulative)} received in the case ({Wording.Dong(o.ReceivedBefore)} before, {Wording.Dong(paid)} now)"
            : $"{Wording.Dong(paid)} received";
        var less = o.FeeChargedBefore > 0 ? $", less {Wording.Dong(o.FeeChargedBefore)} charged before" : "";
        var outstanding = due > withheld ? $"; {Wording.Dong(due - withheld)} more is due than this share can cover and stays owed by the creditor" : "";
        return new FeeCharge
        {
            Due = due,
            Withheld = withheld,
            Explanation = $"{o.Label}: enforcement fee on {received}: {rules.Fees.Explain(cumulative)}{less} (rate part rounded half up to the dong; {cite}). "
                + $"{Wording.Dong(withheld)} withheld{outstanding}; pays out {Wording.Dong(paid - withheld)}.",
        };
    }

    /// <summary>Why no fee is charged at all, or null.</summary>
    private static string? ExemptionOf(Obligation o) =>
        !o.IsJudgmentCreditor ? "as a secured party who is not a judgment creditor"
        : o.ToStateBudget ? "as the money goes to the state budget"
        : o.Category.IsFeeExempt() ? o.Category switch
        {
            ObligationCategory.Maintenance => "as maintenance is exempt",
            ObligationCategory.Wages => "as wages are exempt",
            ObligationCategory.LabourClaims => "as severance, job-loss and incapacity allowances are exempt",
            _ => "as compensation for life and health is exempt",
        }
        : o.FeeExempt ? "as exempted or waived by decision"
        : null;
}
