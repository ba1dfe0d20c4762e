using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The debtor redeems the asset by paying everything (LTHADS 101.5).</summary>
public sealed class RedeemAsset(AssetSteps steps)
{
    public Task<V1.RedeemAssetResponse> HandleAsync(V1.RedeemAssetRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RedeemAssetResponse { Asset = change.Record(asset, EventTypes.AssetRedeemed) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RedeemAssetRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.Redeem(new Redemption { PaidOn = request.PaidOn.ToDateOnly()!.Value, ObligationAndCosts = request.ObligationAndCosts, BidderCostsReimbursed = request.BidderCostsReimbursed, Reference = request.Reference.Trim() }, step);
    }

    public sealed class Validator : AbstractValidator<V1.RedeemAssetRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.PaidOn).IsPastDate(clock);
            RuleFor(r => r.ObligationAndCosts).IsPositiveMoney();
            RuleFor(r => r.BidderCostsReimbursed).IsMoneyOrZero();
            RuleFor(r => r.Reference).Required(128);
        }
    }
}
