namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// The statutory distribution of one asset's proceeds (LTHADS art. 47; ND62 art. 49; LTHADS art. 115.5;
/// from 2026-07-01 Law 106/2025 art. 54 with the tiers assumed unchanged). In order: a secured party who is
/// not a judgment creditor, from its collateral; enforcement costs; the housing amount; a judgment creditor
/// secured by this asset, after that judgment's court fee; then, first for the creditors who had requested
/// enforcement by the decision date and then for the later ones, tiers (a), (b), (c), pro rata inside a
/// tier; the surplus to the debtor. Each creditor's enforcement fee is withheld from its share (TT216).
/// Amounts are whole dong and add up exactly; see <see cref="ProRata"/> for the rounding and its ties.
/// </summary>
public static class Distribution
{
    /// <summary>The plan under <paramref name="rules"/>, which must be in force on the payment date.</summary>
    /// <exception cref="Common.DomainException">The input breaks a rule; the reason is one of <see cref="Common.Reasons"/>.</exception>
    public static DistributionPlan Compute(ProceedsContext context, IReadOnlyCollection<Obligation> obligations, ProceedsRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Validate(context, obligations);
        return Run(context, obligations, rules);
    }

    /// <summary>The plan under the rules in force on the payment date.</summary>
    public static DistributionPlan Compute(ProceedsContext context, IReadOnlyCollection<Obligation> obligations, ProceedsRuleBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        Validate(context, obligations);
        return Run(context, obligations, book.InForceOn(context.PaymentDate));
    }

    private static void Validate(ProceedsContext context, IReadOnlyCollection<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(obligations);
        ProceedsValidation.Validate(context, obligations);
    }

    private static DistributionPlan Run(ProceedsContext context, IReadOnlyCollection<Obligation> obligations, ProceedsRules rules)
    {
        var problems = rules.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid proceeds rules: " + string.Join("; ", problems), nameof(rules));
        }

        if (rules.EffectiveFrom > context.PaymentDate)
        {
            throw new ArgumentException($"The rules '{rules.Name}' take effect {Wording.Day(rules.EffectiveFrom)}, after the payment date {Wording.Day(context.PaymentDate)}.", nameof(rules));
        }

        // One canonical order makes the plan independent of the input order: ties go to the earlier request, then the lower id.
        var ordered = obligations.OrderBy(o => o.RequestedOn ?? DateOnly.MinValue).ThenBy(o => o.CreditorId, StringComparer.Ordinal).ToList();
        return new Waterfall(context, rules, ordered).Run();
    }
}
