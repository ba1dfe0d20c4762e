using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

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
            plan.Approve(context.Caller.Subject, source.CollectedForDistribution, clock.GetUtcNow());
            await StoredPlans.EnsureNoApprovedPlanAsync(db, plan.AssetId, context.CancellationToken);
            var after = plan.ToProto();
            ledger.Write(plan.Allocation(LedgerKind), plan.Office, plan.AssetId, source.CaseNumber);
            log.Record(EventTypes.DistributionPlanApproved, plan.Name, plan.Office, before, after);
            return new V1.ApproveDistributionPlanResponse { Plan = after };
        });

    internal static void CheckEtag(StoredPlan plan, string etag)
    {
        ConcurrentChangeException.EnsureEtag(plan.Etag, etag, "The plan changed since you read it; read it again.", new Dictionary<string, string> { ["current_etag"] = plan.Etag });
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
