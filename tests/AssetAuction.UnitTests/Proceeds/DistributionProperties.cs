using AssetAuction.Domain.Proceeds;
using CsCheck;
using System.Numerics;
using static AssetAuction.UnitTests.Proceeds.ProceedsFixtures;

namespace AssetAuction.UnitTests.Proceeds;

/// <summary>
/// Invariants of the order of payment on random cases: up to 8 obligations of every category, requested
/// before or after the decision date, secured on this asset (by a judgment creditor or a third party) or on
/// another, amounts from a few dong to about 5.7 x 10^17, proceeds from nothing to twice what is owed.
/// </summary>
public sealed class DistributionProperties
{
    private static readonly Gen<long> Amount = Gen.Frequency((3, Gen.Long[1, 1_000]), (6, Gen.Long[1, 50_000_000_000]), (1, Gen.Long[1, long.MaxValue / 16]));

    // Third parties rank 1 and judgment creditors 2-3 on this asset, so the ranks never conflict.
    private static readonly Gen<Collateral?> Security = Gen.Frequency(
        (5, Gen.Const((Collateral?)null)),
        (2, Gen.Int[2, 3].Select(rank => (Collateral?)new Collateral { AssetId = Asset, Rank = rank })),
        (1, Gen.Const<Collateral?>(new Collateral { AssetId = Asset, Rank = 1, HolderIsJudgmentCreditor = false })),
        (1, Gen.Int[1, 3].Select(rank => (Collateral?)new Collateral { AssetId = "A-2", Rank = rank })));

    private static readonly Gen<Obligation> AnObligation =
        from owed in Amount
        from category in Gen.Enum<ObligationCategory>()
        from requested in Gen.Int[-90, Payment.DayNumber - Decision.DayNumber]
        from security in Security
        from judgment in Gen.Int[1, 3]
        from flags in Gen.Int[0, 15]
        from before in Gen.Frequency((3, Gen.Const(0L)), (1, Gen.Long[0, 20_000_000_000]))
        select new Obligation
        {
            Owed = owed,
            Category = category,
            RequestedOn = Decision.AddDays(requested),
            SecuredBy = security,
            Judgment = $"J{judgment}",
            StateBudget = flags == 0,
            FeeExempt = flags == 1,
            ReceivedBefore = before,
            FeeChargedBefore = before / 50,
        };

    private static readonly Gen<(ProceedsContext Context, Obligation[] Obligations)> Cases =
        from list in AnObligation.Array[0, 8]
        from permille in Gen.Int[0, 2_000]
        from costs in Gen.Frequency((2, Gen.Const(0L)), (3, Gen.Long[0, 2_000_000_000]))
        from housing in Gen.Frequency((3, Gen.Const(0L)), (1, Gen.Long[0, 100_000_000]))
        from jitter in Gen.Long[0, 1_000]
        let obligations = list.Select((o, i) => o with { CreditorId = $"c{i}" }).ToArray()
        let owed = obligations.Aggregate(BigInteger.Zero, (s, o) => s + o.Owed) + costs + housing
        select (Sale((long)BigInteger.Min((owed * permille / 1_000) + jitter, long.MaxValue), costs, housing), obligations);

    private static DistributionPlan Plan((ProceedsContext Context, Obligation[] Obligations) c) => Distribution.Compute(c.Context, c.Obligations, ShippedProceedsRules.Book);

    [Fact]
    public void Money_is_conserved_exactly()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            Assert.All(plan.Lines, l => Assert.True(l.Amount > 0));
            Assert.Equal(c.Context.Collected, plan.Lines.Aggregate(BigInteger.Zero, (s, l) => s + l.Amount));
            Assert.Equal(c.Context.Collected, plan.EnforcementCostsPaid + plan.HousingAmountKept + plan.Creditors.Sum(p => p.Paid) + plan.Surplus);
        }, iter: 2_000);
    }

    [Fact]
    public void Nobody_gets_more_than_owed_and_the_fee_comes_out_of_the_share()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            foreach (var p in plan.Creditors)
            {
                Assert.InRange(p.Paid, 0, p.Owed);
                Assert.InRange(p.Fee.Withheld, 0, Math.Min(p.Paid, p.Fee.Due));
                Assert.Equal(p.Paid, plan.Rounds.SelectMany(r => r.Shares).Where(s => s.CreditorId == p.CreditorId).Sum(s => s.Amount));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Every_pro_rata_share_is_within_one_dong_of_its_exact_share()
    {
        Cases.Sample(c =>
        {
            foreach (var round in Plan(c).Rounds)
            {
                var total = (BigInteger)round.TotalClaimed;
                Assert.Equal(Math.Min(round.Available, (long)BigInteger.Min(total, long.MaxValue)), round.Distributed);
                Assert.Equal(round.Distributed, round.Shares.Sum(s => s.Amount));
                Assert.All(round.Shares, s =>
                {
                    Assert.InRange(s.Amount, 0, s.Claim);
                    Assert.True(BigInteger.Abs((s.Amount * total) - ((BigInteger)round.Distributed * s.Claim)) < total);
                });
            }
        }, iter: 2_000);
    }

    [Fact]
    public void No_round_gets_money_until_every_round_before_it_and_the_costs_and_housing_are_paid_in_full()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            for (var k = 0; k < plan.Rounds.Count; k++)
            {
                if (plan.Rounds[k].Distributed == 0)
                {
                    continue;
                }

                Assert.All(plan.Rounds.Take(k), earlier => Assert.True(earlier.PaidInFull));
                if (plan.Rounds[k].Stage != PaymentStage.ThirdPartySecured)
                {
                    Assert.Equal((0, c.Context.HousingAmount), (plan.EnforcementCostsUnpaid, plan.HousingAmountKept));
                }
            }
        }, iter: 2_000);
    }

    [Fact]
    public void No_tier_b_or_c_creditor_gets_tier_money_unless_every_creditor_of_the_tiers_before_it_in_its_group_is_paid_in_full()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            var paid = plan.Creditors.ToDictionary(p => p.CreditorId);
            foreach (var round in plan.Rounds.Where(r => r.Group is not null && r.Distributed > 0))
            {
                var tier = round.Stage switch { PaymentStage.TierA => PriorityTier.A, PaymentStage.TierB => PriorityTier.B, _ => PriorityTier.C };
                var before = c.Obligations.Where(o => o.IsJudgmentCreditor && GroupOf(o) == round.Group && o.Tier < tier);
                Assert.All(before, o => Assert.Equal(0, paid[o.CreditorId].Unpaid));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Later_requesters_share_only_after_every_creditor_who_requested_by_the_decision_date_is_paid_in_full()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            if (plan.Rounds.Any(r => r.Group == SharingGroup.RequestedLater && r.Distributed > 0))
            {
                Assert.All(c.Obligations.Where(o => o.IsJudgmentCreditor && GroupOf(o) == SharingGroup.RequestedByDecisionDate), o => Assert.Equal(0, plan.For(o.CreditorId).Unpaid));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void A_claim_secured_on_this_asset_is_paid_in_full_before_any_tier_gets_money()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            if (plan.Rounds.Any(r => r.Group is not null && r.Distributed > 0))
            {
                Assert.All(c.Obligations.Where(o => o.SecuredBy?.AssetId == Asset), o => Assert.Equal(0, plan.For(o.CreditorId).Unpaid));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Surplus_goes_to_the_debtor_only_when_every_obligation_the_costs_and_the_housing_amount_are_paid_in_full()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            if (plan.Surplus > 0)
            {
                Assert.All(plan.Creditors, p => Assert.Equal(0, p.Unpaid));
                Assert.Equal((0, c.Context.HousingAmount), (plan.EnforcementCostsUnpaid, plan.HousingAmountKept));
            }
        }, iter: 2_000);
    }

    [Fact]
    public void The_fee_is_charged_only_on_judgment_creditors_money_that_is_not_exempt()
    {
        var fees = ShippedProceedsRules.Legacy.Fees;
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            foreach (var o in c.Obligations)
            {
                var p = plan.For(o.CreditorId);
                var charged = p.Paid > 0 && o.IsJudgmentCreditor && !o.ToStateBudget && o.Tier != PriorityTier.A && !o.FeeExempt;
                Assert.Equal(charged ? Math.Max(0, fees.FeeOn(o.ReceivedBefore + p.Paid) - o.FeeChargedBefore) : 0, p.Fee.Due);
            }
        }, iter: 2_000);
    }

    [Fact]
    public void The_plan_does_not_depend_on_the_order_the_obligations_come_in()
    {
        Cases.Sample(c =>
        {
            var plan = Plan(c);
            var reversed = Plan((c.Context, c.Obligations.Reverse().ToArray()));
            Assert.Equal(plan.Steps, reversed.Steps);
            Assert.Equal(plan.Lines, reversed.Lines);
        }, iter: 500);
    }

    private static SharingGroup GroupOf(Obligation o) => o.RequestedOn <= Decision ? SharingGroup.RequestedByDecisionDate : SharingGroup.RequestedLater;
}
