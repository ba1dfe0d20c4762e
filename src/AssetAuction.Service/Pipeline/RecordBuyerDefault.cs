using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The buyer did not pay: the deposit is forfeited, the asset goes back to auction (ND62 27.3, 27.5).</summary>
public sealed class RecordBuyerDefault(AssetSteps steps)
{
    public Task<V1.RecordBuyerDefaultResponse> HandleAsync(V1.RecordBuyerDefaultRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordBuyerDefaultResponse { Asset = change.Record(asset, EventTypes.AssetBuyerDefaultRecorded) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordBuyerDefaultRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordBuyerDefault(request.DefaultDate.ToDateOnly()!.Value, request.RefusedInWriting, request.Reason.Trim(), step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordBuyerDefaultRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.DefaultDate).IsPastDate(clock);
            RuleFor(r => r.Reason).Required(1000);
        }
    }
}
