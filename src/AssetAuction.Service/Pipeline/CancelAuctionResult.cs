using AssetAuction.Domain.Assets;
using AssetAuction.Service.Grpc;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Cancels a sale's result; the asset is dealt with again (LTHADS 102).</summary>
public sealed class CancelAuctionResult(AssetSteps steps, Data.AssetAuctionDbContext db)
{
    public Task<V1.CancelAuctionResultResponse> HandleAsync(V1.CancelAuctionResultRequest request, RequestContext context) =>
        steps.RunAsync(request, context, PipelineAction.CancelAuctionResult, (asset, step) => asset.CancelAuctionResult(request.Grounds.Trim(), request.CancellationDate.ToDateOnly()!.Value, step), asset => new V1.CancelAuctionResultResponse { Asset = asset },
            guard: (asset, ct) => Proceeds.StoredPlans.EnsureNoApprovedPlanAsync(db, asset.Id, ct));

    public sealed class Validator : AbstractValidator<V1.CancelAuctionResultRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Grounds).Required(1000);
            RuleFor(r => r.CancellationDate).IsPastDate(clock);
        }
    }
}
