using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Proceeds;

/// <summary>Checks the input of a distribution; throws a <see cref="DomainException"/> with a <see cref="Common.Reasons"/> code.</summary>
internal static class ProceedsValidation
{
    public static void Validate(ProceedsContext context, IReadOnlyCollection<Obligation> obligations)
    {
        if (string.IsNullOrWhiteSpace(context.AssetId))
        {
            throw Invalid(Reasons.ProceedsAssetIdRequired, "AssetId", "Name the asset whose proceeds are distributed.");
        }

        // Costs above what was collected are not an error: the costs take everything (LTHADS art. 47.1).
        NotNegative(context.Collected, "Collected");
        NotNegative(context.EnforcementCosts, "EnforcementCosts");
        NotNegative(context.HousingAmount, "HousingAmount");
        if (context.HousingAmount > 0 && !context.OnlyResidence)
        {
            // LTHADS 115.5 (legacy) and Decree 152/2026 art. 67.3 keep a housing amount back only when the debtor's
            // only residence is sold; any other asset's proceeds go to the creditors.
            throw Invalid(Reasons.HousingAmountNotOnlyResidence, "HousingAmount", "A housing amount is kept back only when the debtor's only residence is sold; this asset is not marked as the only residence (only_residence).");
        }

        if (context.DecisionDate == default || context.PaymentDate == default)
        {
            throw Invalid(Reasons.ProceedsDateRequired, context.DecisionDate == default ? "DecisionDate" : "PaymentDate", "Give the decision date and the payment date.");
        }

        if (context.DecisionDate > context.PaymentDate)
        {
            throw Invalid(Reasons.DecisionAfterPaymentDate, "DecisionDate", "The decision under which the money was collected cannot be later than the payment.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in obligations)
        {
            Validate(o, context);
            if (!seen.Add(o.CreditorId))
            {
                throw Invalid(Reasons.DuplicateCreditorId, "CreditorId", $"Creditor id '{o.CreditorId}' appears twice; give each obligation its own id.", o.CreditorId);
            }
        }

        CheckRanks(context, obligations);
    }

    private static void Validate(Obligation o, ProceedsContext context)
    {
        ArgumentNullException.ThrowIfNull(o);
        if (string.IsNullOrWhiteSpace(o.CreditorId))
        {
            throw Invalid(Reasons.CreditorIdRequired, "CreditorId", "Every obligation needs a creditor id.");
        }

        if (o.Owed <= 0)
        {
            throw Invalid(Reasons.ObligationAmountNotPositive, "Owed", $"The amount owed to '{o.CreditorId}' must be more than 0 dong.", o.CreditorId);
        }

        NotNegative(o.ReceivedBefore, "ReceivedBefore", o.CreditorId);
        NotNegative(o.FeeChargedBefore, "FeeChargedBefore", o.CreditorId);
        if (o.ReceivedBefore > long.MaxValue - o.Owed)
        {
            throw Invalid(Reasons.ProceedsAmountTooLarge, "ReceivedBefore", $"What '{o.CreditorId}' received before and is owed cannot be added up in dong; check the amounts.", o.CreditorId);
        }

        if (!Enum.IsDefined(o.Category))
        {
            throw Invalid(Reasons.ObligationCategoryUnknown, "Category", $"Obligation '{o.CreditorId}' has an unknown category.", o.CreditorId);
        }

        if (o.SecuredBy is { } c && (string.IsNullOrWhiteSpace(c.AssetId) || c.Rank < 1))
        {
            throw Invalid(Reasons.CollateralInvalid, "SecuredBy", $"The collateral of '{o.CreditorId}' needs an asset id and a rank of 1 or more.", o.CreditorId);
        }

        if (!o.IsJudgmentCreditor)
        {
            if (!string.Equals(o.SecuredBy!.AssetId, context.AssetId, StringComparison.Ordinal))
            {
                throw Invalid(Reasons.ThirdPartySecurityNotOnThisAsset, "SecuredBy", $"'{o.CreditorId}' is not a judgment creditor and its collateral is another asset: it has no claim on these proceeds.", o.CreditorId);
            }

            return;
        }

        if (o.RequestedOn is not { } requested || requested == default)
        {
            throw Invalid(Reasons.ProceedsDateRequired, "RequestedOn", $"Give the day enforcement of '{o.CreditorId}' was requested (or decided, for the office's own initiative).", o.CreditorId);
        }

        if (requested > context.PaymentDate)
        {
            throw Invalid(Reasons.RequestAfterPaymentDate, "RequestedOn", $"'{o.CreditorId}' requested enforcement after the payment date and cannot share in this payment.", o.CreditorId);
        }
    }

    /// <summary>
    /// A third-party holder is paid before the costs, a judgment-creditor holder after them; that order must not
    /// contradict the ranks on the asset (BLDS art. 307-308), or the case needs a person to decide.
    /// </summary>
    private static void CheckRanks(ProceedsContext context, IReadOnlyCollection<Obligation> obligations)
    {
        var onThisAsset = obligations.Where(o => string.Equals(o.SecuredBy?.AssetId, context.AssetId, StringComparison.Ordinal)).ToList();
        var worstThirdParty = onThisAsset.Where(o => !o.IsJudgmentCreditor).Select(o => o.SecuredBy!.Rank).DefaultIfEmpty(0).Max();
        var bestJudgmentHolder = onThisAsset.Where(o => o.IsJudgmentCreditor).Select(o => o.SecuredBy!.Rank).DefaultIfEmpty(int.MaxValue).Min();
        if (worstThirdParty >= bestJudgmentHolder)
        {
            throw Invalid(Reasons.SecuredRanksConflict, "SecuredBy", $"On asset '{context.AssetId}' a secured party who is not a judgment creditor ranks at or after a judgment creditor's security; distribute this case by hand.");
        }
    }

    private static void NotNegative(long amount, string field, string creditorId = "")
    {
        if (amount < 0)
        {
            throw Invalid(Reasons.ProceedsAmountNegative, field, $"{field} cannot be negative.", creditorId);
        }
    }

    private static DomainException Invalid(string reason, string field, string message, string creditorId = "")
    {
        var metadata = new Dictionary<string, string> { ["field"] = field };
        if (creditorId.Length > 0)
        {
            metadata["creditor_id"] = creditorId;
        }

        return DomainException.InvalidInput(reason, message, metadata);
    }
}
