using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>A payment by the buyer toward the balance (ND62 27.3).</summary>
public sealed class RecordBuyerPayment(AssetSteps steps)
{
    public Task<V1.RecordBuyerPaymentResponse> HandleAsync(V1.RecordBuyerPaymentRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordBuyerPaymentResponse { Asset = change.Record(asset, EventTypes.AssetBuyerPaymentRecorded) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordBuyerPaymentRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordBuyerPayment(new BuyerPayment { Amount = request.Amount, PaidOn = request.PaidOn.ToDateOnly()!.Value, Reference = request.Reference.Trim() }, step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordBuyerPaymentRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Amount).IsPositiveMoney();
            RuleFor(r => r.PaidOn).IsPastDate(clock);
            RuleFor(r => r.Reference).Required(128);
        }
    }
}
