using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Fixes the hand-over date within the legal time (ND62 27.3).</summary>
public sealed class ScheduleHandover(AssetSteps steps)
{
    public Task<V1.ScheduleHandoverResponse> HandleAsync(V1.ScheduleHandoverRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.ScheduleHandoverResponse { Asset = change.Record(asset, EventTypes.AssetHandoverScheduled) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.ScheduleHandoverRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ScheduleHandover(request.HandoverDate.ToDateOnly()!.Value, request.ForceMajeure.Trim(), step);
    }

    public sealed class Validator : AbstractValidator<V1.ScheduleHandoverRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.HandoverDate).IsDate();
            RuleFor(r => r.ForceMajeure).Optional(1000);
        }
    }
}
