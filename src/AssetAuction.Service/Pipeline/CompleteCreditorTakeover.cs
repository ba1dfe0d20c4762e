using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Hands the asset to the creditor after the debtor's time.</summary>
public sealed class CompleteCreditorTakeover(AssetSteps steps)
{
    public Task<V1.CompleteCreditorTakeoverResponse> HandleAsync(V1.CompleteCreditorTakeoverRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.CompleteCreditorTakeoverResponse { Asset = change.Record(asset, EventTypes.AssetCreditorTakeoverCompleted) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.CompleteCreditorTakeoverRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.CompleteCreditorTakeover(request.HandedOverOn.ToDateOnly()!.Value, request.MinutesNumber.Trim(), step);
    }

    public sealed class Validator : AbstractValidator<V1.CompleteCreditorTakeoverRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.HandedOverOn).IsPastDate(clock);
            RuleFor(r => r.MinutesNumber).Required(128);
        }
    }
}
