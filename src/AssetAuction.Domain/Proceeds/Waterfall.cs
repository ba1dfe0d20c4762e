namespace AssetAuction.Domain.Proceeds;

/// <summary>
/// Runs the order of payment over validated input (LTHADS art. 47; ND62 art. 49), keeping the money left,
/// what each creditor has been paid, the rounds and the steps.
/// </summary>
internal sealed class Waterfall
{
    private static readonly (PriorityTier Tier, PaymentStage Stage)[] Tiers =
        [(PriorityTier.A, PaymentStage.TierA), (PriorityTier.B, PaymentStage.TierB), (PriorityTier.C, PaymentStage.TierC)];

    private readonly ProceedsContext _context;
    private readonly ProceedsRules _rules;
    private readonly IReadOnlyList<Obligation> _obligations;
    private readonly Dictionary<string, long> _paid;
    private readonly List<PaymentRound> _rounds = [];
    private readonly List<string> _steps = [];
    private long _left;

    /// <param name="obligations">In tie-break order: earlier request first, then creditor id (ordinal).</param>
    public Waterfall(ProceedsContext context, ProceedsRules rules, IReadOnlyList<Obligation> obligations)
    {
        (_context, _rules, _obligations) = (context, rules, obligations);
        _paid = obligations.ToDictionary(o => o.CreditorId, _ => 0L, StringComparer.Ordinal);
        _left = context.Collected;
    }

    private ProceedsCitations Cite => _rules.Citations;

    public DistributionPlan Run()
    {
        _steps.Add(PlanNarrative.Header(_context, _rules));
        var onThisAsset = _obligations.Where(o => string.Equals(o.SecuredBy?.AssetId, _context.AssetId, StringComparison.Ordinal)).ToList();

        // A pledgee or mortgagee who is not a judgment creditor: before everything else in art. 47 (art. 47.3, second paragraph).
        foreach (var rank in ByRank(onThisAsset.Where(o => !o.IsJudgmentCreditor)))
        {
            Pay(PaymentStage.ThirdPartySecured, null, rank.Key, [.. rank]);
        }

        // Costs, then the housing amount, are deducted before any judgment creditor (art. 47.1; art. 115.5).
        var costsPaid = Take(_context.EnforcementCosts);
        _steps.Add(PlanNarrative.Costs(_context.EnforcementCosts, costsPaid, _left, Cite));
        var housingKept = Take(_context.HousingAmount);
        if (_context.HousingAmount > 0)
        {
            _steps.Add(PlanNarrative.Housing(_context.HousingAmount, housingKept, _left, _rules));
        }

        // A judgment creditor secured by this asset: after that judgment's court fee (art. 47.3, first paragraph).
        foreach (var rank in ByRank(onThisAsset.Where(o => o.IsJudgmentCreditor)))
        {
            var judgments = rank.Select(o => o.Judgment).Where(j => j.Length > 0).ToHashSet(StringComparer.Ordinal);
            Pay(PaymentStage.CourtFeeBeforeSecured, null, rank.Key, [.. _obligations.Where(o => o.IsJudgmentCreditor && o.Category == ObligationCategory.CourtFee && judgments.Contains(o.Judgment))]);
            Pay(PaymentStage.Secured, null, rank.Key, [.. rank]);
        }

        // Requesters by the decision date share first, the others what remains (art. 47.2.b); inside each, tiers (a), (b), (c) (art. 47.1).
        foreach (var group in (SharingGroup[])[SharingGroup.RequestedByDecisionDate, SharingGroup.RequestedLater])
        {
            var members = _obligations.Where(o => o.IsJudgmentCreditor && GroupOf(o) == group && Claim(o) > 0).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            _steps.Add(PlanNarrative.GroupHeader(group, _context, members, Cite));
            foreach (var (tier, stage) in Tiers)
            {
                Pay(stage, group, null, [.. members.Where(o => o.Tier == tier)]);
            }
        }

        var surplus = Take(_left);
        var payouts = _obligations.Select(o => Payout(o, _paid[o.CreditorId])).ToList();
        _steps.Add(PlanNarrative.Surplus(surplus, payouts, Cite));
        _steps.AddRange(payouts.Select(p => p.Fee.Explanation).Where(e => e.Length > 0));
        return new DistributionPlan
        {
            AssetId = _context.AssetId,
            Collected = _context.Collected,
            PaymentDate = _context.PaymentDate,
            RulesName = _rules.Name,
            EnforcementCostsPaid = costsPaid,
            EnforcementCostsUnpaid = _context.EnforcementCosts - costsPaid,
            HousingAmountKept = housingKept,
            Rounds = _rounds,
            Creditors = payouts,
            Surplus = surplus,
            Lines = Lines(costsPaid, housingKept, payouts, surplus),
            Steps = _steps,
        };
    }

    /// <summary>Shares what is left among the members' remaining claims: in full if it covers them, otherwise pro rata.</summary>
    private void Pay(PaymentStage stage, SharingGroup? group, int? rank, IReadOnlyList<Obligation> members)
    {
        var claimants = members.Where(o => Claim(o) > 0).ToList();
        if (claimants.Count == 0)
        {
            return;
        }

        var claims = claimants.Select(Claim).ToList();
        var distributed = (long)Int128.Min(_left, claims.Aggregate(Int128.Zero, (sum, c) => sum + c));
        var parts = ProRata.Split(distributed, claims);
        var round = new PaymentRound
        {
            Stage = stage,
            Group = group,
            Rank = rank,
            Available = _left,
            Distributed = distributed,
            Shares = [.. claimants.Select((o, i) => new CreditorShare(o.CreditorId, claims[i], parts[i]))],
        };
        for (var i = 0; i < claimants.Count; i++)
        {
            _paid[claimants[i].CreditorId] += parts[i];
        }

        _left -= distributed;
        _rounds.Add(round);
        _steps.Add(PlanNarrative.Round(round, claimants, _left, _context.AssetId, Cite));
    }

    private long Take(long wanted)
    {
        var taken = Math.Min(wanted, _left);
        _left -= taken;
        return taken;
    }

    private long Claim(Obligation o) => o.Owed - _paid[o.CreditorId];

    private SharingGroup GroupOf(Obligation o) =>
        o.RequestedOn <= _context.DecisionDate ? SharingGroup.RequestedByDecisionDate : SharingGroup.RequestedLater;

    private static IEnumerable<IGrouping<int, Obligation>> ByRank(IEnumerable<Obligation> secured) =>
        secured.GroupBy(o => o.SecuredBy!.Rank).OrderBy(g => g.Key);

    private CreditorPayout Payout(Obligation o, long paid) => new()
    {
        CreditorId = o.CreditorId,
        CreditorName = o.CreditorName,
        Owed = o.Owed,
        Paid = paid,
        Fee = EnforcementFees.For(o, paid, _rules),
    };

    private static List<PlanLine> Lines(long costs, long housing, IReadOnlyList<CreditorPayout> payouts, long surplus)
    {
        var lines = new List<PlanLine>();
        if (costs > 0)
        {
            lines.Add(new PlanLine(LineKind.EnforcementCosts, null, costs));
        }

        if (housing > 0)
        {
            lines.Add(new PlanLine(LineKind.HousingAmount, null, housing));
        }

        foreach (var p in payouts)
        {
            if (p.NetPayout > 0)
            {
                lines.Add(new PlanLine(LineKind.CreditorPayout, p.CreditorId, p.NetPayout));
            }

            if (p.Fee.Withheld > 0)
            {
                lines.Add(new PlanLine(LineKind.EnforcementFee, p.CreditorId, p.Fee.Withheld));
            }
        }

        if (surplus > 0)
        {
            lines.Add(new PlanLine(LineKind.Surplus, null, surplus));
        }

        return lines;
    }
}
