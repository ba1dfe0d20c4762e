using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>The maker prepares a plan: computed like the preview, and stored for a checker's approval.</summary>
public sealed class PrepareDistributionPlan(AssetAuctionDbContext db, MutationRunner runner, ComputeDistribution compute, TimeProvider clock, IIdGenerator ids)
{
    public Task<V1.PrepareDistributionPlanResponse> HandleAsync(V1.PrepareDistributionPlanRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var (asset, plan) = await compute.ComputeAsync(request.Computation, context);
            context.Caller.EnsureCanChange(asset.Office, asset.Name);
            await StoredPlans.EnsureNoApprovedPlanAsync(db, asset.Id, context.CancellationToken);
            var now = clock.GetUtcNow();
            var stored = new StoredPlan(ids.NewId(now), plan, asset.Office, context.Caller.Subject, asset.CollectedForDistribution!, now);
            db.DistributionPlans.Add(stored);
            var proto = stored.ToProto();
            log.Record(EventTypes.DistributionPlanPrepared, stored.Name, stored.Office, null, proto);
            return new V1.PrepareDistributionPlanResponse { Plan = proto };
        });

    public sealed class Validator : AbstractValidator<V1.PrepareDistributionPlanRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Computation).NotNull().WithMessage("Is required.").SetValidator(new ComputeDistribution.Validator());
        }
    }
}
