using AssetAuction.Domain.Assets;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;

namespace AssetAuction.Service.Seizures;

/// <summary>Releases a seizure (giải tỏa kê biên): the asset leaves the pipeline and may be seized again later.</summary>
public sealed class ReleaseSeizure(AssetSteps steps)
{
    public Task<ReleaseSeizureResponse> HandleAsync(ReleaseSeizureRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new ReleaseSeizureResponse { Asset = change.Record(asset, EventTypes.AssetSeizureReleased) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Domain.Assets.Asset asset, ReleaseSeizureRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ReleaseSeizure(request.Reason.Trim(), step, request.DecisionDate.ToDateOnly());
    }

    public sealed class Validator : AbstractValidator<ReleaseSeizureRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.DecisionDate).IsPastDate(clock).When(r => r.DecisionDate is not null);
            RuleFor(r => r.Reason).Required(2000);
        }
    }
}
