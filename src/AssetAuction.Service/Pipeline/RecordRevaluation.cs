using AssetAuction.Domain.Assets;
using AssetAuction.Service.Grpc;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The re-valuation result: the new starting price (LTHADS 99.3).</summary>
public sealed class RecordRevaluation(AssetSteps steps)
{
    public Task<V1.RecordRevaluationResponse> HandleAsync(V1.RecordRevaluationRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            asset.RecordRevaluation(PipelineRequests.ValuationFrom(request.Appraisal, request.NotifiedDate), change.Step);
            return new V1.RecordRevaluationResponse { Asset = change.Record(asset, PipelineAction.RecordRevaluation) };
        });

    public sealed class Validator : AbstractValidator<V1.RecordRevaluationRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Appraisal).NotNull().WithMessage("Is required.").SetValidator(new AppraisalValidator(clock));
            RuleFor(r => r.NotifiedDate).IsPastDate(clock).When(r => r.NotifiedDate is not null);
        }
    }
}
