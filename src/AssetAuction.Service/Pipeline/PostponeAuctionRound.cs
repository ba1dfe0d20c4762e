using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Moves the open round to a new date, with a reason.</summary>
public sealed class PostponeAuctionRound(AssetSteps steps)
{
    public Task<V1.PostponeAuctionRoundResponse> HandleAsync(V1.PostponeAuctionRoundRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.PostponeAuctionRoundResponse { Asset = change.Record(asset, EventTypes.AssetAuctionRoundPostponed) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.PostponeAuctionRoundRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ChangeAuctionRound(suspend: false, request.Plan.ToDomain(), request.Reason.Trim(), step, request.DecisionDate.ToDateOnly());
    }

    public sealed class Validator : AbstractValidator<V1.PostponeAuctionRoundRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.DecisionDate).IsPastDate(clock).When(r => r.DecisionDate is not null);
            RuleFor(r => r.Reason).Required(1000);
            RuleFor(r => r.Plan).NotNull().WithMessage("Give the new plan.").SetValidator(new RoundPlanValidator());
        }
    }
}
