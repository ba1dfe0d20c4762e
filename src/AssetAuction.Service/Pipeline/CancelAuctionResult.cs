using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Cancels a sale's result; the asset is dealt with again (LTHADS 102).</summary>
public sealed class CancelAuctionResult(AssetSteps steps, Data.AssetAuctionDbContext db)
{
    public Task<V1.CancelAuctionResultResponse> HandleAsync(V1.CancelAuctionResultRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();

            // Money already promised to creditors by an approved plan must be set aside first (WithdrawDistributionPlan).
            await Proceeds.StoredPlans.EnsureNoApprovedPlanAsync(db, asset.Id, change.CancellationToken);
            Apply(asset, request, change.Step);
            return new V1.CancelAuctionResultResponse { Asset = change.Record(asset, EventTypes.AssetAuctionResultCancelled) };
        }, readsBeyondAsset: true);

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.CancelAuctionResultRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.CancelAuctionResult(request.Grounds.Trim(), request.CancellationDate.ToDateOnly()!.Value, step);
    }

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
