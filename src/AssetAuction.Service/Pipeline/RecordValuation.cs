using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Records the price (LTHADS 98); it becomes the starting price.</summary>
public sealed class RecordValuation(AssetSteps steps)
{
    public Task<V1.RecordValuationResponse> HandleAsync(V1.RecordValuationRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordValuationResponse { Asset = change.Record(asset, EventTypes.AssetValued) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordValuationRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordValuation(PipelineRequests.ValuationFrom(request), step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordValuationRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.MethodCase).NotEqual(V1.RecordValuationRequest.MethodOneofCase.None).WithMessage("Give agreed_price, appraisal or officer_decision.").OverridePropertyName("method");
            When(r => r.MethodCase == V1.RecordValuationRequest.MethodOneofCase.AgreedPrice, () =>
            {
                RuleFor(r => r.AgreedPrice.Price).IsPositiveMoney();
                RuleFor(r => r.AgreedPrice.AgreementNumber).Required(128);
                RuleFor(r => r.AgreedPrice.AgreementDate).IsPastDate(clock);
            });
            When(r => r.MethodCase == V1.RecordValuationRequest.MethodOneofCase.Appraisal, () => RuleFor(r => r.Appraisal).SetValidator(new AppraisalValidator(clock)));
            When(r => r.MethodCase == V1.RecordValuationRequest.MethodOneofCase.OfficerDecision, () =>
            {
                RuleFor(r => r.OfficerDecision.Price).IsPositiveMoney();
                RuleFor(r => r.OfficerDecision.DecisionNumber).Required(128);
                RuleFor(r => r.OfficerDecision.DecisionDate).IsPastDate(clock);
                RuleFor(r => r.OfficerDecision.Reason).Required(1000);
            });
            RuleFor(r => r.NotifiedDate).IsPastDate(clock).When(r => r.NotifiedDate is not null);
        }
    }
}
