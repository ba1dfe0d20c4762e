using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Pipeline;
using AssetAuction.Service.Seizures;
using FluentValidation;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>Finds a stored plan by its name, for a caller of its office (another office's is not found).</summary>
internal static class StoredPlans
{
    public const string NotFound = "DISTRIBUTION_PLAN_NOT_FOUND";

    public static async Task<StoredPlan> LoadAsync(AssetAuctionDbContext db, string name, RequestContext context, bool tracked = true)
    {
        var id = IdOf(name);
        var query = db.DistributionPlans.Where(p => p.Id == id);
        var plan = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(context.CancellationToken) ?? throw DomainException.NotFound(NotFound, name);
        context.Caller.EnsureVisible(plan.Office, name, NotFound);
        return plan;
    }

    public static string? IdOf(string name)
    {
        var parts = name.Split('/');
        return parts is ["assets", _, "distributionPlans", var id] && id.Length > 0 ? id : null;
    }

    public const string AlreadyApprovedForAsset = "ASSET_HAS_APPROVED_PLAN";

    /// <summary>
    /// One approved plan per asset: the proceeds are distributed once. Checked inside the mutation's
    /// transaction, which holds the journal lock, so two approvals cannot both pass.
    /// </summary>
    public static async Task EnsureNoApprovedPlanAsync(AssetAuctionDbContext db, string assetId, CancellationToken ct)
    {
        var approved = await db.DistributionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.AssetId == assetId && p.State == StoredPlanState.Approved, ct);
        if (approved is not null)
        {
            throw DomainException.Precondition(AlreadyApprovedForAsset, approved.Name, $"The asset's proceeds already have an approved plan, {approved.Name}; withdraw it (WithdrawDistributionPlan) while nothing is paid out under it, or correct the payouts through the ledger.", new Dictionary<string, string> { ["plan"] = approved.Name });
        }
    }

    public static IRuleBuilderOptions<T, string> IsPlanName<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(n => IdOf(n) is not null).WithMessage("Must be assets/{asset}/distributionPlans/{plan}.");
}

/// <summary>The maker prepares a plan: computed like the preview, and stored for a checker's approval.</summary>
public sealed class PrepareDistributionPlan(AssetAuctionDbContext db, MutationRunner runner, ComputeDistribution compute, TimeProvider clock)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default);

    public Task<V1.PrepareDistributionPlanResponse> HandleAsync(V1.PrepareDistributionPlanRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var (asset, plan) = await compute.ComputeAsync(request.Computation, context);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            await StoredPlans.EnsureNoApprovedPlanAsync(db, asset.Id, context.CancellationToken);
            var now = clock.GetUtcNow();
            var stored = new StoredPlan(
                Ids.Next(now),
                asset.Id,
                asset.Office,
                context.Caller.Subject,
                Json.Format(plan.ToProto()),
                Entitlements(plan),
                asset.CollectedForDistribution!,
                now);
            db.DistributionPlans.Add(stored);
            var proto = stored.ToProto();
            log.Record("distribution_plan.prepared", stored.Name, stored.Office, null, proto);
            return new V1.PrepareDistributionPlanResponse { Plan = proto };
        });

    /// <summary>Each creditor's net share, and the office's other lines (costs, housing, fees, surplus) as payees of their own.</summary>
    private static IEnumerable<Entitlement> Entitlements(DistributionPlan plan)
    {
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

    public sealed class Validator : AbstractValidator<V1.PrepareDistributionPlanRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Computation).NotNull().WithMessage("Is required.").SetValidator(new ComputeDistribution.Validator());
        }
    }
}

/// <summary>The checker approves a plan; it is frozen from then on.</summary>
public sealed class ApproveDistributionPlan(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock, LedgerWriter ledger)
{
    /// <summary>The ledger kind of an approved plan's allocation of the proceeds.</summary>
    public const string LedgerKind = "plan_approved";

    public Task<V1.ApproveDistributionPlanResponse> HandleAsync(V1.ApproveDistributionPlanRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var plan = await StoredPlans.LoadAsync(db, request.Name, context);
            context.Caller.EnsureCanChange(plan.Office, plan.Name);
            CheckEtag(plan, request.Etag);
            var before = plan.ToProto();

            // The plan's own state first (already approved, withdrawn, four eyes, computed on the money held now),
            // then the asset's other plans: the query reads the stored rows, where this plan is not approved yet.
            var source = await db.Assets.AsNoTracking().Where(a => a.Id == plan.AssetId).SingleAsync(context.CancellationToken);
            var held = source.CollectedForDistribution;
            plan.Approve(context.Caller.Subject, held, clock.GetUtcNow());
            await StoredPlans.EnsureNoApprovedPlanAsync(db, plan.AssetId, context.CancellationToken);
            var after = plan.ToProto();

            // The approved plan allocates the money held: every line of it, adding up to exactly what was collected.
            var lines = after.Plan.Lines;
            var postings = new List<Posting> { new(held!.Account, held.Amount) };
            postings.AddRange(lines.Where(l => l.Amount != 0).Select(l => new Posting(AccountOf(l.Kind), -l.Amount, l.Kind == V1.DistributionPlan.Types.LineKind.CreditorPayout ? l.CreditorId : "")));
            ledger.Write(new MoneyMovement(LedgerKind, after.Plan.PaymentDate.ToDateOnly()!.Value, plan.Name, postings), plan.Office, plan.AssetId, source.CaseNumber);
            log.Record("distribution_plan.approved", plan.Name, plan.Office, before, after);
            return new V1.ApproveDistributionPlanResponse { Plan = after };
        });

    private static LedgerAccount AccountOf(V1.DistributionPlan.Types.LineKind kind) => kind switch
    {
        V1.DistributionPlan.Types.LineKind.EnforcementCosts => LedgerAccount.EnforcementCosts,
        V1.DistributionPlan.Types.LineKind.HousingAmount => LedgerAccount.HousingKept,
        V1.DistributionPlan.Types.LineKind.CreditorPayout => LedgerAccount.CreditorsPayable,
        V1.DistributionPlan.Types.LineKind.EnforcementFee => LedgerAccount.EnforcementFees,
        _ => LedgerAccount.DebtorSurplus,
    };

    internal static void CheckEtag(StoredPlan plan, string etag)
    {
        if (plan.Etag != etag)
        {
            throw new DomainException(DomainErrorKind.Aborted, Reasons.EtagMismatch, "The plan changed since you read it; read it again.", new Dictionary<string, string> { ["current_etag"] = plan.Etag });
        }
    }

    public sealed class Validator : AbstractValidator<V1.ApproveDistributionPlanRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsPlanName();
            RuleFor(r => r.Etag).IsEtag();
        }
    }
}

/// <summary>A payout under an approved plan; when the last creditor is paid, the asset's time limit for paying the creditors is met.</summary>
public sealed class RecordPayout(AssetAuctionDbContext db, MutationRunner runner, StepContexts steps, LedgerWriter ledger)
{
    /// <summary>The ledger kind of a payout under a plan.</summary>
    public const string LedgerKind = "payout";

    public Task<V1.RecordPayoutResponse> HandleAsync(V1.RecordPayoutRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var plan = await StoredPlans.LoadAsync(db, request.Name, context);
            context.Caller.EnsureCanChange(plan.Office, plan.Name);
            ApproveDistributionPlan.CheckEtag(plan, request.Etag);
            var before = plan.ToProto();
            var paidOn = request.Payout.PaidOn.ToDateOnly()!.Value;
            if (plan.ApproveTime is { } approvedAt && paidOn < VietnamTime.DateAt(approvedAt))
            {
                throw DomainException.Precondition(Reasons.DateBeforePreviousStep, plan.Name, "A payout cannot be dated before the plan's approval.");
            }

            var (payee, completedCreditors) = plan.RecordPayout(new PayoutRecord
            {
                Account = ProceedsMapping.AccountOf(request.Payout.PayeeKind),
                CreditorId = request.Payout.CreditorId.Trim(),
                Amount = request.Payout.Amount,
                PaidOn = paidOn,
                Method = (int)request.Payout.Method,
                Reference = request.Payout.Reference.Trim(),
                RecordedBy = context.Caller.Subject,
            });
            var after = plan.ToProto();
            log.Record("distribution_plan.payout_recorded", plan.Name, plan.Office, before, after);
            var caseNumber = await db.Assets.AsNoTracking().Where(a => a.Id == plan.AssetId).Select(a => a.CaseNumber).SingleAsync(context.CancellationToken);
            ledger.Write(
                MoneyMovement.Between(LedgerKind, paidOn, request.Payout.Reference.Trim(), payee.Account, LedgerAccount.Custody, request.Payout.Amount, debitCreditor: payee.IsCreditor ? payee.CreditorId : ""),
                plan.Office,
                plan.AssetId,
                caseNumber);

            // "All paid out" happens once per plan: the payout that completed the creditors' shares records it on the
            // asset; later payouts (fees, surplus) change only the plan, not the asset's version or history.
            if (completedCreditors)
            {
                var asset = await GetAsset.LoadAsync(db, ResourceNames.Asset(plan.AssetId), context.Caller, context.CancellationToken);
                var assetBefore = asset.ToProto();
                asset.RecordProceedsPaidOut(paidOn, steps.For(context));
                log.Record("asset.proceeds_paid_out", asset.Name, asset.Office, assetBefore, asset.ToProto());
            }

            return new V1.RecordPayoutResponse { Plan = after };
        });

    public sealed class Validator : AbstractValidator<V1.RecordPayoutRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsPlanName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Payout).NotNull().WithMessage("Is required.").DependentRules(() =>
            {
                RuleFor(r => r.Payout.PayeeKind).IsInEnum().WithMessage("Must be a known payee kind.");
                RuleFor(r => r.Payout.CreditorId).Required(64).When(r => r.Payout.PayeeKind is V1.PayeeKind.Unspecified or V1.PayeeKind.Creditor);
                RuleFor(r => r.Payout.CreditorId).Optional(64).When(r => r.Payout.PayeeKind is not (V1.PayeeKind.Unspecified or V1.PayeeKind.Creditor));
                RuleFor(r => r.Payout.Amount).IsPositiveMoney();
                RuleFor(r => r.Payout.PaidOn).IsPastDate(clock);
                RuleFor(r => r.Payout.Method).IsInEnum().NotEqual(V1.Payout.Types.Method.Unspecified).WithMessage("Say how it was paid.");
                RuleFor(r => r.Payout.Reference).Required(128);
            });
        }
    }
}

/// <summary>Reads a stored plan with its payouts.</summary>
public sealed class GetDistributionPlan(AssetAuctionDbContext db)
{
    public async Task<V1.GetDistributionPlanResponse> HandleAsync(V1.GetDistributionPlanRequest request, RequestContext context) =>
        new() { Plan = (await StoredPlans.LoadAsync(db, request.Name, context, tracked: false)).ToProto() };

    public sealed class Validator : AbstractValidator<V1.GetDistributionPlanRequest>
    {
        public Validator() => RuleFor(r => r.Name).IsPlanName();
    }
}
