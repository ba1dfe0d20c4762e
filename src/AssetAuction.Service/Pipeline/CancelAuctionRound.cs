using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Cancels the open round.</summary>
public sealed class CancelAuctionRound(AssetSteps steps)
{
    public Task<V1.CancelAuctionRoundResponse> HandleAsync(V1.CancelAuctionRoundRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.CancelAuctionRoundResponse { Asset = change.Record(asset, EventTypes.AssetAuctionRoundCancelled) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.CancelAuctionRoundRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.CancelAuctionRound(request.Reason.Trim(), step, request.DecisionDate.ToDateOnly());
    }

    public sealed class Validator : AbstractValidator<V1.CancelAuctionRoundRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.DecisionDate).IsPastDate(clock).When(r => r.DecisionDate is not null);
            RuleFor(r => r.Reason).Required(1000);
        }
    }
}
