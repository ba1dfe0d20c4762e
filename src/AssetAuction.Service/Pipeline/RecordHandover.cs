using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Records the hand-over; it closes the sale.</summary>
public sealed class RecordHandover(AssetSteps steps)
{
    public Task<V1.RecordHandoverResponse> HandleAsync(V1.RecordHandoverRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordHandoverResponse { Asset = change.Record(asset, EventTypes.AssetHandedOver) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordHandoverRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordHandover(request.HandoverDate.ToDateOnly()!.Value, request.MinutesNumber.Trim(), request.PoliceSupport, step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordHandoverRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.HandoverDate).IsPastDate(clock);
            RuleFor(r => r.MinutesNumber).Required(128);
        }
    }
}
