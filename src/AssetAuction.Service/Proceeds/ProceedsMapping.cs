using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Grpc;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

internal static class ProceedsMapping
{
    public static V1.Obligation ToProto(this RegisteredObligation o) => new()
    {
        Name = o.Name,
        Office = o.Office,
        CaseNumber = o.CaseNumber,
        CreditorId = o.CreditorId,
        Creditor = new V1.Party { FullName = o.CreditorName, IdentityNumber = o.CreditorIdentity },
        Owed = o.Owed,
        Category = (V1.Obligation.Types.Category)o.Category,
        StateBudget = o.StateBudget,
        SecuredByAsset = o.SecuredAssetId is null ? "" : ResourceNames.Asset(o.SecuredAssetId),
        CollateralRank = o.CollateralRank,
        HolderIsJudgmentCreditor = o.HolderIsJudgmentCreditor,
        RequestedOn = o.RequestedOn.ToProto(),
        EnforcementDecision = o.EnforcementDecision,
        Judgment = o.Judgment,
        ReceivedBefore = o.ReceivedBefore,
        FeeChargedBefore = o.FeeChargedBefore,
        CreateTime = o.CreateTime.ToProto(),
    };

    public static Obligation ToCalculation(this V1.Obligation o) => new()
    {
        CreditorId = o.CreditorId.Trim(),
        CreditorName = o.Creditor.FullName.Trim(),
        Owed = o.Owed,
        Category = (ObligationCategory)o.Category,
        StateBudget = o.StateBudget,
        SecuredBy = o.SecuredByAsset.Length == 0 ? null : new Collateral { AssetId = ResourceNames.AssetId(o.SecuredByAsset)!, Rank = o.CollateralRank == 0 ? 1 : o.CollateralRank, HolderIsJudgmentCreditor = o.HolderIsJudgmentCreditor },
        RequestedOn = o.RequestedOn.ToDateOnly(),
        EnforcementDecision = o.EnforcementDecision.Trim(),
        Judgment = o.Judgment.Trim(),
        ReceivedBefore = o.ReceivedBefore,
        FeeChargedBefore = o.FeeChargedBefore,
    };

    public static V1.StoredDistributionPlan ToProto(this StoredPlan stored)
    {
        var proto = new V1.StoredDistributionPlan
        {
            Name = stored.Name,
            Office = stored.Office,
            State = (V1.StoredDistributionPlan.Types.State)stored.State,
            PreparedBy = stored.PreparedBy,
            ApprovedBy = stored.ApprovedBy,
            Plan = stored.Plan.ToProto(),
            CreateTime = stored.CreateTime.ToProto(),
            ApproveTime = stored.ApproveTime.ToProto(),
            Etag = stored.Etag,
            WithdrawnBy = stored.WithdrawnBy,
            WithdrawTime = stored.WithdrawTime.ToProto(),
            WithdrawalReason = stored.WithdrawalReason,
        };
        proto.Payouts.Add(stored.Payouts.Select(p => new V1.Payout
        {
            CreditorId = p.CreditorId, Amount = p.Amount, PaidOn = p.PaidOn.ToProto(), Method = (V1.Payout.Types.Method)p.Method, Reference = p.Reference, RecordedBy = p.RecordedBy,
            PayeeKind = p.Account is { } account ? KindOf(account) : V1.PayeeKind.Unspecified,
        }));
        proto.Payees.Add(stored.Entitlements.Select(e =>
        {
            var paid = stored.PaidTo(e);
            return new V1.Payee { Kind = KindOf(e.Account), CreditorId = e.IsCreditor ? e.CreditorId : "", Amount = e.NetPayout, Paid = paid, Remaining = e.NetPayout - paid };
        }));
        proto.Collected = stored.CollectedAmount ?? proto.Plan.Collected;
        proto.CollectedSource = stored.CollectedSource ?? "";
        proto.PaidOutOn = stored.PaidOutOn.ToProto();
        return proto;
    }

    /// <summary>Each payee kind and the ledger account an entitlement of that kind is credited to: creditors and the office's lines are apart.</summary>
    private static readonly (V1.PayeeKind Kind, LedgerAccount Account)[] PayeeAccounts =
    [
        (V1.PayeeKind.Creditor, LedgerAccount.CreditorsPayable),
        (V1.PayeeKind.EnforcementCosts, LedgerAccount.EnforcementCosts),
        (V1.PayeeKind.HousingAmount, LedgerAccount.HousingKept),
        (V1.PayeeKind.EnforcementFee, LedgerAccount.EnforcementFees),
        (V1.PayeeKind.DebtorSurplus, LedgerAccount.DebtorSurplus),
    ];

    public static V1.PayeeKind KindOf(LedgerAccount account) => PayeeAccounts.FirstOrDefault(p => p.Account == account).Kind;

    /// <summary>The account a payout request names by its payee kind; null when the client does not say.</summary>
    public static LedgerAccount? AccountOf(V1.PayeeKind kind) => PayeeAccounts.Where(p => p.Kind == kind).Select(p => (LedgerAccount?)p.Account).FirstOrDefault();

    public static V1.DistributionPlan ToProto(this DistributionPlan plan)
    {
        var proto = new V1.DistributionPlan
        {
            Asset = ResourceNames.Asset(plan.AssetId),
            Collected = plan.Collected,
            PaymentDate = plan.PaymentDate.ToProto(),
            Rules = plan.RulesName,
            EnforcementCostsPaid = plan.EnforcementCostsPaid,
            HousingAmountKept = plan.HousingAmountKept,
            Surplus = plan.Surplus,
        };
        proto.Creditors.Add(plan.Creditors.Select(c => new V1.DistributionPlan.Types.CreditorPayout
        {
            CreditorId = c.CreditorId, CreditorName = c.CreditorName, Owed = c.Owed, Share = c.Paid, FeeWithheld = c.Fee.Withheld, NetPayout = c.NetPayout, FeeExplanation = c.Fee.Explanation,
        }));
        proto.Lines.Add(plan.Lines.Select(l => new V1.DistributionPlan.Types.Line { Kind = (V1.DistributionPlan.Types.LineKind)l.Kind, CreditorId = l.CreditorId ?? "", Amount = l.Amount }));
        proto.Steps.Add(plan.Steps);
        return proto;
    }
}
