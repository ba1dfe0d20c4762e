using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
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
            Apply(asset, request, change.Step);
            return new V1.RecordRevaluationResponse { Asset = change.Record(asset, EventTypes.AssetRevalued) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordRevaluationRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordRevaluation(PipelineRequests.ValuationFrom(request.Appraisal, request.NotifiedDate), step);
    }

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
