using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Google.Protobuf;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

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
            log.Record(EventTypes.DistributionPlanPrepared, stored.Name, stored.Office, null, proto);
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
