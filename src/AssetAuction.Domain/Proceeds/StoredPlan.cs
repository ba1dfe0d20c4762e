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
/// What one payee is entitled to under a plan: a creditor (after its fee), or one of the office's own lines.
/// The two live in different namespaces, told apart by <see cref="Account"/>: a creditor is
/// <see cref="LedgerAccount.CreditorsPayable"/> with its id; an office line is its own account (costs, housing,
/// fees, debtor surplus), stored with a legacy name in <see cref="CreditorId"/> (<c>costs</c>, <c>housing</c>,
/// <c>fees</c>, <c>debtor</c>) that old clients still send. A creditor whose id is "fees" is never the fees line.
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

    public bool IsCreditor => Account == LedgerAccount.CreditorsPayable;
}

/// <summary>Money paid out under a plan.</summary>
public sealed class PayoutRecord
{
    /// <summary>
    /// The payee's account: <see cref="LedgerAccount.CreditorsPayable"/> for a creditor, an office line's account
    /// otherwise. Null on payouts stored before payees had kinds; those are matched by <see cref="CreditorId"/>.
    /// </summary>
    public LedgerAccount? Account { get; init; }

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
    public const string PreparerCannotApprove = Common.Reasons.PreparerCannotApprove;
    public const string PlanAlreadyApproved = Common.Reasons.PlanAlreadyApproved;
    public const string PlanNotApproved = Common.Reasons.PlanNotApproved;
    public const string PayoutExceedsPlan = Common.Reasons.PayoutExceedsPlan;
    public const string CreditorNotInPlan = Common.Reasons.CreditorNotInPlan;
    public const string PayeeAmbiguous = Common.Reasons.PayeeAmbiguous;
    public const string PlanNotOnMoneyHeld = Common.Reasons.PlanNotOnMoneyHeld;
    public const string PlanWithdrawn = Common.Reasons.PlanWithdrawn;
    public const string PlanHasPayouts = Common.Reasons.PlanHasPayouts;

    private StoredPlan()
    {
    }

    /// <summary>A plan prepared by <paramref name="preparedBy"/> from <paramref name="plan"/>, computed on <paramref name="basis"/>.</summary>
    public StoredPlan(string id, DistributionPlan plan, string office, string preparedBy, CollectedMoney basis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(basis);
        Id = id;
        AssetId = plan.AssetId;
        Office = office;
        PreparedBy = preparedBy;
        Plan = plan;
        _entitlements = [.. EntitlementsOf(plan)];
        CollectedAmount = basis.Amount;
        CollectedAccount = basis.Account;
        CollectedSource = basis.Source;
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

    /// <summary>
    /// The computed plan with its reasoning, frozen once approved. Its rounds are the computation's working, kept
    /// only while it runs: what they decided is in the creditors, the lines and the steps.
    /// </summary>
    public DistributionPlan Plan { get; private set; } = new();

    private List<Entitlement> _entitlements = [];

    public IReadOnlyList<Entitlement> Entitlements => _entitlements;

    private List<PayoutRecord> _payouts = [];

    public IReadOnlyList<PayoutRecord> Payouts => _payouts;

    /// <summary>The money the plan was computed on: its amount, the account it sits in and the sale (or redemption) it came from.</summary>
    public long? CollectedAmount { get; private set; }

    public LedgerAccount? CollectedAccount { get; private set; }

    public string? CollectedSource { get; private set; }

    /// <summary>The day every creditor had received its whole entitlement; recorded once, by the payout that completed it.</summary>
    public DateOnly? PaidOutOn { get; private set; }

    public DateTimeOffset CreateTime { get; private set; }

    public DateTimeOffset? ApproveTime { get; private set; }

    public string WithdrawnBy { get; private set; } = "";

    public DateTimeOffset? WithdrawTime { get; private set; }

    public string WithdrawalReason { get; private set; } = "";

    public long Version { get; private set; }

    public string Name => $"assets/{AssetId}/distributionPlans/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The checker approves; the maker may not (four eyes). The plan must have been computed on exactly the money
    /// held for the asset now (<paramref name="held"/>: amount, account and sale): a result cancelled and the asset
    /// sold again for another price leaves an earlier plan distributing money that is not there.
    /// </summary>
    public void Approve(string approver, CollectedMoney? held, DateTimeOffset now)
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

        if (held is null || held.Amount != CollectedAmount || held.Account != CollectedAccount || held.Source != CollectedSource)
        {
            var heldNow = held is null ? "nothing is collected for the asset now" : $"{held.Amount} dong from {held.Source} is held now";
            throw DomainException.Precondition(
                PlanNotOnMoneyHeld,
                Name,
                $"The plan was computed on {CollectedAmount} dong from {CollectedSource}, but {heldNow}: withdraw it and prepare a new plan.",
                new Dictionary<string, string>
                {
                    ["plan_collected"] = CollectedAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                    ["plan_source"] = CollectedSource ?? "",
                    ["held"] = held?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0",
                    ["held_source"] = held?.Source ?? "",
                });
        }

        State = StoredPlanState.Approved;
        ApprovedBy = approver;
        ApproveTime = now;
        Version++;
    }

    /// <summary>
    /// The approved plan's allocation of the money it was computed on, as one balanced movement of kind
    /// <paramref name="kind"/> on the payment date: out of the account the money sits in, to each entitlement's
    /// account (a creditor's share to the creditors payable under its id; the office's lines to their own accounts).
    /// </summary>
    public MoneyMovement Allocation(string kind)
    {
        if (State != StoredPlanState.Approved || CollectedAmount is not { } amount || CollectedAccount is not { } account)
        {
            throw new InvalidOperationException($"Only an approved plan bound to the money held allocates it; {Name} is {State}.");
        }

        List<Posting> postings = [new(account, amount), .. Entitlements.Select(e => new Posting(e.Account, -e.NetPayout, e.IsCreditor ? e.CreditorId : ""))];
        return new MoneyMovement(kind, Plan.PaymentDate, Name, postings);
    }

    /// <summary>Each creditor's net share, and the office's other lines (costs, housing, fees, surplus) as payees of their own.</summary>
    public static IEnumerable<Entitlement> EntitlementsOf(DistributionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        foreach (var creditor in plan.Creditors.Where(c => c.NetPayout > 0))
        {
            yield return new Entitlement { CreditorId = creditor.CreditorId, NetPayout = creditor.NetPayout };
        }

        (LineKind Kind, string Payee, LedgerAccount Account)[] others =
        [
            (LineKind.EnforcementCosts, Entitlement.Costs, LedgerAccount.EnforcementCosts),
            (LineKind.HousingAmount, Entitlement.Housing, LedgerAccount.HousingKept),
            (LineKind.EnforcementFee, Entitlement.Fees, LedgerAccount.EnforcementFees),
            (LineKind.Surplus, Entitlement.Debtor, LedgerAccount.DebtorSurplus),
        ];
        foreach (var (kind, payee, account) in others)
        {
            var amount = plan.Lines.Where(l => l.Kind == kind).Sum(l => l.Amount);
            if (amount > 0)
            {
                yield return new Entitlement { CreditorId = payee, NetPayout = amount, Account = account };
            }
        }
    }

    /// <summary>
    /// Finds the payee a payout is for. <paramref name="account"/> names the namespace (a creditor, or an office
    /// line); null is a client that does not say, matched by id alone as before, and refused when the id is both a
    /// creditor's and an office line's legacy name.
    /// </summary>
    public Entitlement PayeeOf(LedgerAccount? account, string creditorId)
    {
        List<Entitlement> candidates = account switch
        {
            LedgerAccount.CreditorsPayable => [.. Entitlements.Where(e => e.IsCreditor && e.CreditorId == creditorId)],
            { } line => [.. Entitlements.Where(e => e.Account == line && (creditorId.Length == 0 || creditorId == e.CreditorId))],
            null => [.. Entitlements.Where(e => e.CreditorId == creditorId)],
        };
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw DomainException.Precondition(CreditorNotInPlan, Name, account is null or LedgerAccount.CreditorsPayable
                ? $"Creditor {creditorId} has no share in this plan; the plan's payees list who it pays."
                : $"The plan pays nothing to the office's {account} line; the plan's payees list who it pays."),
            _ => throw DomainException.Precondition(PayeeAmbiguous, Name, $"\"{creditorId}\" is both a creditor's id and an office line of this plan: say which with payee_kind."),
        };
    }

    /// <summary>What has been paid so far to <paramref name="payee"/>.</summary>
    public long PaidTo(Entitlement payee)
    {
        ArgumentNullException.ThrowIfNull(payee);
        return Payouts.Where(p => p.CreditorId == payee.CreditorId && (p.Account is null || p.Account == payee.Account)).Sum(p => p.Amount);
    }

    /// <summary>
    /// Records a payout under the approved plan; the total to a payee never exceeds its entitlement. Returns true
    /// the payee it was for, and whether this payout is the one that completed what the creditors are owed under
    /// the plan (true once per plan).
    /// </summary>
    public (Entitlement Payee, bool CompletedCreditors) RecordPayout(PayoutRecord payout)
    {
        ArgumentNullException.ThrowIfNull(payout);
        EnsureNotWithdrawn();
        if (State != StoredPlanState.Approved)
        {
            throw DomainException.Precondition(PlanNotApproved, Name, "Only an approved plan can be paid out.");
        }

        var entitlement = PayeeOf(payout.Account, payout.CreditorId);
        var remaining = entitlement.NetPayout - PaidTo(entitlement);
        if (payout.Amount > remaining)
        {
            throw DomainException.Precondition(
                PayoutExceedsPlan,
                Name,
                $"The plan gives {(entitlement.IsCreditor ? "creditor " + entitlement.CreditorId : "the office's " + entitlement.Account + " line")} {remaining} dong more at most.",
                new Dictionary<string, string> { ["remaining"] = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        _payouts.Add(new PayoutRecord
        {
            Account = entitlement.Account,
            CreditorId = entitlement.CreditorId,
            Amount = payout.Amount,
            PaidOn = payout.PaidOn,
            Method = payout.Method,
            Reference = payout.Reference,
            RecordedBy = payout.RecordedBy,
        });
        Version++;
        if (PaidOutOn is null && FullyPaidOut)
        {
            PaidOutOn = payout.PaidOn;
            return (entitlement, true);
        }

        return (entitlement, false);
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
    public bool FullyPaidOut => Entitlements.Where(e => e.IsCreditor).All(e => PaidTo(e) == e.NetPayout);
}

/// <summary>
/// Money collected for an asset and held for distribution: how much, in which account, and from which sale
/// ("sale 2, round 3") or redemption. A plan is bound to it.
/// </summary>
public sealed record CollectedMoney(long Amount, LedgerAccount Account, string Source);
