using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

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
