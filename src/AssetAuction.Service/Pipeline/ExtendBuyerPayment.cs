using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Extends the buyer's payment time by agreement, as far as the rules allow.</summary>
public sealed class ExtendBuyerPayment(AssetSteps steps)
{
    public Task<V1.ExtendBuyerPaymentResponse> HandleAsync(V1.ExtendBuyerPaymentRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.ExtendBuyerPaymentResponse { Asset = change.Record(asset, EventTypes.AssetBuyerPaymentExtended) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.ExtendBuyerPaymentRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ExtendBuyerPayment(request.NewDueDate.ToDateOnly()!.Value, request.Agreement.Trim(), request.AgreementDate.ToDateOnly() ?? step.Today, step);
    }

    public sealed class Validator : AbstractValidator<V1.ExtendBuyerPaymentRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.NewDueDate).IsDate();
            RuleFor(r => r.Agreement).Required(512);
            RuleFor(r => r.AgreementDate).IsPastDate(clock).When(r => r.AgreementDate is not null);
        }
    }
}
