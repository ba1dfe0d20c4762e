using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Schedules the next round within the law's limits (LDGTS 35, 39; LTHADS 101.2).</summary>
public sealed class ScheduleAuctionRound(AssetSteps steps)
{
    public Task<V1.ScheduleAuctionRoundResponse> HandleAsync(V1.ScheduleAuctionRoundRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.ScheduleAuctionRoundResponse { Asset = change.Record(asset, EventTypes.AssetAuctionRoundScheduled) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.ScheduleAuctionRoundRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ScheduleAuctionRound(request.Plan.ToDomain(), step);
    }

    public sealed class Validator : AbstractValidator<V1.ScheduleAuctionRoundRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Plan).NotNull().WithMessage("Is required.").SetValidator(new RoundPlanValidator());
        }
    }
}
