using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Returns the asset to the debtor (LTHADS 104.3).</summary>
public sealed class ReturnToDebtor(AssetSteps steps)
{
    public Task<V1.ReturnToDebtorResponse> HandleAsync(V1.ReturnToDebtorRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.ReturnToDebtorResponse { Asset = change.Record(asset, EventTypes.AssetReturnedToDebtor) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.ReturnToDebtorRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.ReturnToDebtor(new Domain.Assets.ReturnToDebtor { ReturnedOn = request.ReturnedOn.ToDateOnly()!.Value, EnforcementCosts = request.EnforcementCosts, Reason = request.Reason.Trim() }, step);
    }

    public sealed class Validator : AbstractValidator<V1.ReturnToDebtorRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.ReturnedOn).IsPastDate(clock);
            RuleFor(r => r.EnforcementCosts).IsPositiveMoney();
            RuleFor(r => r.Reason).Required(1000);
        }
    }
}
