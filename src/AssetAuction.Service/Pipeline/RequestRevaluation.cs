using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>A party asks for re-valuation (LTHADS 99).</summary>
public sealed class RequestRevaluation(AssetSteps steps)
{
    public Task<V1.RequestRevaluationResponse> HandleAsync(V1.RequestRevaluationRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RequestRevaluationResponse { Asset = change.Record(asset, EventTypes.AssetRevaluationRequested) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RequestRevaluationRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RequestRevaluation(request.RequestedBy.Trim(), request.RequestDate.ToDateOnly()!.Value, step);
    }

    public sealed class Validator : AbstractValidator<V1.RequestRevaluationRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.RequestedBy).Required();
            RuleFor(r => r.RequestDate).IsPastDate(clock);
        }
    }
}
