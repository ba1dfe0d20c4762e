using System.Numerics;

namespace AssetAuction.Domain.Proceeds;

/// <summary>The plain-English steps of a plan, one sentence group per thing done, each citing its article.</summary>
internal static class PlanNarrative
{
    public static string Header(ProceedsContext c, ProceedsRules rules) =>
        $"{Wording.Dong(c.Collected)} collected from asset {c.AssetId}, paid out on {Wording.Day(c.PaymentDate)} under {rules.Citations.OrderOfPayment} (rules '{rules.Name}').";

    public static string Costs(long costs, long paid, long left, ProceedsCitations cite) =>
        costs == 0 ? "No enforcement costs to deduct."
        : paid == costs ? $"Enforcement costs of {Wording.Dong(costs)} deducted ({cite.Costs}). {Wording.Dong(left)} left."
        : $"Enforcement costs of {Wording.Dong(costs)} come before the creditors ({cite.Costs}), but only {Wording.Dong(paid)} was left: the costs take it all and {Wording.Dong(costs - paid)} of them stay unpaid.";

    public static string Housing(long amount, long kept, long left, ProceedsRules rules) =>
        kept == amount
            ? $"The debtor's only residence was sold: {Wording.Dong(amount)} kept back for the debtor's housing ({rules.Citations.Housing}, rules '{rules.Name}'). {Wording.Dong(left)} left."
            : $"The debtor's only residence was sold: {Wording.Dong(amount)} should be kept back for housing ({rules.Citations.Housing}, rules '{rules.Name}'), but only {Wording.Dong(kept)} was left, and all of it is kept back.";

    public static string GroupHeader(SharingGroup group, ProceedsContext c, IEnumerable<Obligation> members, ProceedsCitations cite)
    {
        var names = string.Join("; ", members.Select(o => $"{o.Label}, requested {Wording.Day(o.RequestedOn!.Value)}{(o.EnforcementDecision.Length > 0 ? $" under {o.EnforcementDecision}" : "")}"));
        var decision = c.Decision.Length > 0 ? $" ({c.Decision})" : "";
        return group == SharingGroup.RequestedByDecisionDate
            ? $"Money collected under the decision of {Wording.Day(c.DecisionDate)}{decision} goes first to the creditors who had requested enforcement by that date ({cite.Sharing}): {names}."
            : $"What remains goes to the creditors under other enforcement decisions, requested after {Wording.Day(c.DecisionDate)} up to the payment date ({cite.Sharing}): {names}.";
    }

    public static string Round(PaymentRound round, IReadOnlyList<Obligation> claimants, long left, string assetId, ProceedsCitations cite)
    {
        var title = round.Stage switch
        {
            PaymentStage.ThirdPartySecured => $"Secured by asset {assetId} at rank {round.Rank} but not a judgment creditor: paid from its collateral before everything else ({cite.Secured})",
            PaymentStage.CourtFeeBeforeSecured => $"Court fee of the judgment behind the rank-{round.Rank} secured claim on asset {assetId}: paid from the collateral before that claim ({cite.Secured})",
            PaymentStage.Secured => $"Secured by asset {assetId} at rank {round.Rank}: paid from its collateral after the costs, the housing amount and that judgment's court fee ({cite.Secured})",
            PaymentStage.TierA => $"Tier (a), maintenance, wages and labour claims, compensation for life and health ({cite.Tiers})",
            PaymentStage.TierB => $"Tier (b), court fees and charges ({cite.Tiers})",
            _ => $"Tier (c), other obligations under the judgment ({cite.Tiers})",
        };
        return $"{title}: {Body(round, claimants, cite)}. {Wording.Dong(left)} left.";
    }

    public static string Surplus(long surplus, IReadOnlyList<CreditorPayout> payouts, ProceedsCitations cite)
    {
        var unpaid = payouts.Where(p => p.Unpaid > 0).Select(p => $"{Label(p)} {Wording.Dong(p.Unpaid)}").ToList();
        return surplus > 0 ? $"Every obligation is paid in full: the surplus of {Wording.Dong(surplus)} goes back to the debtor ({cite.Surplus})."
            : unpaid.Count == 0 ? "Every obligation is paid in full and nothing is left for the debtor."
            : $"Nothing is left for the debtor ({cite.Surplus}). Still unpaid: {string.Join("; ", unpaid)}.";
    }

    private static string Body(PaymentRound round, IReadOnlyList<Obligation> claimants, ProceedsCitations cite)
    {
        var total = round.TotalClaimed;
        if (round.PaidInFull)
        {
            return $"{Wording.Dong(total)} owed, paid in full: " + string.Join("; ", claimants.Select((o, i) => $"{o.Label} {Wording.Dong(round.Shares[i].Amount)}"));
        }

        if (round.Distributed == 0)
        {
            return "nothing is left; unpaid here: " + string.Join("; ", claimants.Select((o, i) => $"{o.Label} {Wording.Dong(round.Shares[i].Claim)}"));
        }

        if (claimants.Count == 1)
        {
            return $"{Wording.Dong(round.Distributed)} left for {Wording.Dong(total)} owed, all of it to {claimants[0].Label}";
        }

        var pot = round.Distributed;
        var rounding = 0L;
        var parts = claimants.Select((o, i) =>
        {
            var share = round.Shares[i];
            var exact = (Int128)pot * share.Claim;
            var floor = (long)(exact / total);
            rounding += share.Amount - floor;
            var extra = share.Amount > floor ? " (1 dong of the rounding)" : "";
            return $"{o.Label} owed {Wording.Dong(share.Claim)}, exact share {Wording.Dong(pot)} x {Wording.Dong(share.Claim)} / {Wording.Dong(total)} = {Exact(floor, exact % total, total)}, gets {Wording.Dong(share.Amount)}{extra}";
        }).ToList();
        var rule = rounding > 0
            ? $". The {rounding} dong left after rounding every share down went one each to the largest fractions (equal fractions: the earlier request, then the creditor id)"
            : "";
        return $"{Wording.Dong(pot)} left for {Wording.Dong(total)} owed, shared pro rata to the amounts owed ({cite.ProRata}): {string.Join("; ", parts)}{rule}";
    }

    /// <summary>"q" or "q + r/t" with the fraction reduced.</summary>
    private static string Exact(long whole, Int128 remainder, Int128 total)
    {
        if (remainder == 0)
        {
            return Wording.Dong(whole);
        }

        var gcd = (Int128)BigInteger.GreatestCommonDivisor((BigInteger)remainder, (BigInteger)total);
        return $"{Wording.Dong(whole)} + {Wording.Dong(remainder / gcd)}/{Wording.Dong(total / gcd)}";
    }

    private static string Label(CreditorPayout p) => string.IsNullOrWhiteSpace(p.CreditorName) ? p.CreditorId : $"{p.CreditorName} ({p.CreditorId})";
}
