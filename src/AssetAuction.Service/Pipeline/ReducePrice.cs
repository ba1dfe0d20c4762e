using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Reduces the starting price after a failed round (LTHADS 104).</summary>
public sealed class ReducePrice(AssetSteps steps)
{
    public Task<V1.ReducePriceResponse> HandleAsync(V1.ReducePriceRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.ReducePriceResponse { Asset = change.Record(asset, EventTypes.AssetPriceReduced) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.ReducePriceRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ReducePrice(new PriceReduction { AgreedByParties = request.AgreedByParties, NewPrice = request.NewStartingPrice, DecisionNumber = request.DecisionNumber.Trim(), DecisionDate = request.DecisionDate.ToDateOnly()!.Value }, step);
    }

    public sealed class Validator : AbstractValidator<V1.ReducePriceRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.NewStartingPrice).IsPositiveMoney();
            RuleFor(r => r.DecisionNumber).Required(128);
            RuleFor(r => r.DecisionDate).IsPastDate(clock);
        }
    }
}
