using AssetAuction.Domain.Common;

namespace AssetAuction.Domain.Proceeds;

public enum StoredPlanState
{
    Prepared = 1,
    Approved = 2,

    /// <summary>Set aside before anything was paid out (a wrong plan, a court decision); a new plan may follow.</summary>
    Withdrawn = 3,
}

/// <summary>
/// What one payee is entitled to under a plan: a creditor (after its fee), or the office's other lines,
/// named <c>costs</c>, <c>housing</c>, <c>fees</c> and <c>debtor</c> (the surplus).
/// </summary>
public sealed class Entitlement
{
    public const string Costs = "costs";
    public const string Housing = "housing";
    public const string Fees = "fees";
    public const string Debtor = "debtor";

    public string CreditorId { get; init; } = "";

    public long NetPayout { get; init; }

    /// <summary>The ledger account the plan's approval credited for this payee.</summary>
    public LedgerAccount Account { get; init; } = LedgerAccount.CreditorsPayable;
}

/// <summary>Money paid out under a plan.</summary>
public sealed class PayoutRecord
{
    public string CreditorId { get; init; } = "";

    public long Amount { get; init; }

    public DateOnly PaidOn { get; init; }

    public int Method { get; init; }

    public string Reference { get; init; } = "";

    public string RecordedBy { get; init; } = "";
}

/// <summary>
/// A distribution plan under maker and checker: prepared by one person, approved by another, frozen by
/// the approval; payouts never exceed what it gives each creditor.
/// </summary>
public sealed class StoredPlan
{
    public const string PreparerCannotApprove = "PREPARER_CANNOT_APPROVE";
    public const string PlanAlreadyApproved = "PLAN_ALREADY_APPROVED";
    public const string PlanNotApproved = "PLAN_NOT_APPROVED";
    public const string PayoutExceedsPlan = "PAYOUT_EXCEEDS_PLAN";
    public const string CreditorNotInPlan = "CREDITOR_NOT_IN_PLAN";
    public const string PlanWithdrawn = "PLAN_WITHDRAWN";
    public const string PlanHasPayouts = "PLAN_HAS_PAYOUTS";

    private StoredPlan()
    {
    }

    public StoredPlan(string id, string assetId, string office, string preparedBy, string planJson, IEnumerable<Entitlement> entitlements, DateTimeOffset now)
    {
        Id = id;
        AssetId = assetId;
        Office = office;
        PreparedBy = preparedBy;
        PlanJson = planJson;
        Entitlements = [.. entitlements];
        State = StoredPlanState.Prepared;
        CreateTime = now;
        Version = 1;
    }

    public string Id { get; private set; } = "";

    public string AssetId { get; private set; } = "";

    public string Office { get; private set; } = "";

    public StoredPlanState State { get; private set; }

    public string PreparedBy { get; private set; } = "";

    public string ApprovedBy { get; private set; } = "";

    /// <summary>The computed plan with its reasoning, as proto JSON: frozen once approved.</summary>
    public string PlanJson { get; private set; } = "";

    public List<Entitlement> Entitlements { get; private set; } = [];

    public List<PayoutRecord> Payouts { get; private set; } = [];

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? ApproveTime { get; private set; }

    public string WithdrawnBy { get; private set; } = "";

    public DateTimeOffset? WithdrawTime { get; private set; }

    public string WithdrawalReason { get; private set; } = "";

    public long Version { get; private set; }

    public string Name => $"assets/{AssetId}/distributionPlans/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The checker approves; the maker may not (four eyes).</summary>
    public void Approve(string approver, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        if (State == StoredPlanState.Approved)
        {
            throw DomainException.Precondition(PlanAlreadyApproved, Name, "The plan is already approved and frozen.");
        }

        if (approver == PreparedBy)
        {
            throw DomainException.Precondition(PreparerCannotApprove, Name, "The person who prepared the plan cannot approve it; another finance officer must.");
        }

        State = StoredPlanState.Approved;
        ApprovedBy = approver;
        ApproveTime = now;
        Version++;
    }

    /// <summary>Records a payout under the approved plan; the total to a creditor never exceeds its entitlement.</summary>
    public void RecordPayout(PayoutRecord payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        EnsureNotWithdrawn();
        if (State != StoredPlanState.Approved)
        {
            throw DomainException.Precondition(PlanNotApproved, Name, "Only an approved plan can be paid out.");
        }

        var entitlement = Entitlements.FirstOrDefault(e => e.CreditorId == payout.CreditorId)
            ?? throw DomainException.Precondition(CreditorNotInPlan, Name, $"Creditor {payout.CreditorId} has no share in this plan.");
        var remaining = entitlement.NetPayout - Payouts.Where(p => p.CreditorId == payout.CreditorId).Sum(p => p.Amount);
        if (payout.Amount > remaining)
        {
            throw DomainException.Precondition(
                PayoutExceedsPlan,
                Name,
                $"The plan gives creditor {payout.CreditorId} {remaining} dong more at most.",
                new Dictionary<string, string> { ["remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        Payouts.Add(payout);
        Version++;
    }

    /// <summary>
    /// Sets the plan aside, prepared or approved, as long as nothing has been paid out under it: money that has
    /// left custody must be recovered through the ledger first. An approved plan's allocation is then reversed
    /// (by the caller, in the same transaction), so the proceeds are free for a new plan.
    /// </summary>
    public void Withdraw(string by, string reason, DateTimeOffset now)
    {
        EnsureNotWithdrawn();
        if (Payouts.Count > 0)
        {
            throw DomainException.Precondition(
                PlanHasPayouts,
                Name,
                $"{Payouts.Count} payout(s) were made under this plan; a plan can be withdrawn only before anything is paid out.",
                new Dictionary<string, string> { ["payouts"] = Payouts.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        State = StoredPlanState.Withdrawn;
        WithdrawnBy = by;
        WithdrawalReason = reason;
        WithdrawTime = now;
        Version++;
    }

    private void EnsureNotWithdrawn()
    {
        if (State == StoredPlanState.Withdrawn)
        {
            throw DomainException.Precondition(PlanWithdrawn, Name, $"The plan was withdrawn by {WithdrawnBy}: {WithdrawalReason}");
        }
    }

    /// <summary>True once every creditor (not the office's other lines) has received its whole entitlement.</summary>
    public bool FullyPaidOut => Entitlements.Where(e => e.Account == LedgerAccount.CreditorsPayable)
        .All(e => Payouts.Where(p => p.CreditorId == e.CreditorId).Sum(p => p.Amount) == e.NetPayout);

    public Entitlement EntitlementOf(string payee) => Entitlements.First(e => e.CreditorId == payee);
}
