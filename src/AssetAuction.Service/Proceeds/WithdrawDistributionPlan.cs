using AssetAuction.Domain.Common;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Sets a plan aside before anything is paid out under it. An approved plan's allocation is reversed on the
/// ledger in the same transaction, so the collected proceeds are free again and a new plan can be approved.
/// </summary>
public sealed class WithdrawDistributionPlan(AssetAuctionDbContext db, MutationRunner runner, LedgerWriter ledger, TimeProvider clock)
{
    /// <summary>The ledger kind of the reversal of a withdrawn plan's allocation.</summary>
    public const string LedgerKind = "plan_withdrawn";

    public Task<V1.WithdrawDistributionPlanResponse> HandleAsync(V1.WithdrawDistributionPlanRequest request, RequestContext context) =>
        runner.RunAsync(context, request, request.RequestId, async log =>
        {
            var plan = await StoredPlans.LoadAsync(db, request.Name, context);
            context.Caller.EnsureCanChange(plan.Office, plan.Name);
            ApproveDistributionPlan.CheckEtag(plan, request.Etag);
            var wasApproved = plan.State == StoredPlanState.Approved;
            var now = clock.GetUtcNow();
            var before = plan.ToProto();
            plan.Withdraw(context.Caller.Subject, request.Reason.Trim(), now);
            var after = plan.ToProto();

            if (wasApproved)
            {
                var allocation = await db.LedgerEntries.AsNoTracking()
                    .Where(e => e.Office == plan.Office && e.AssetId == plan.AssetId && e.Kind == ApproveDistributionPlan.LedgerKind && e.Reference == plan.Name)
                    .ToListAsync(context.CancellationToken);
                if (allocation.Count == 0)
                {
                    // Approval writes the allocation in its own transaction; a plan without one is a bug, not a client error.
                    throw new InvalidOperationException($"The approved plan {plan.Name} has no allocation on the ledger.");
                }

                ledger.Reverse(allocation, LedgerKind, VietnamTime.DateAt(now), plan.Name);
            }

            log.Record(EventTypes.DistributionPlanWithdrawn, plan.Name, plan.Office, before, after);
            return new V1.WithdrawDistributionPlanResponse { Plan = after };
        });

    public sealed class Validator : AbstractValidator<V1.WithdrawDistributionPlanRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsPlanName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Reason).Required(1000);
        }
    }
}
