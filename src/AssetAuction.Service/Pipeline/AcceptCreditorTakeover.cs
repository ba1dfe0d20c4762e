using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The creditor takes the asset to offset the debt (LTHADS 104.2).</summary>
public sealed class AcceptCreditorTakeover(AssetSteps steps)
{
    public Task<V1.AcceptCreditorTakeoverResponse> HandleAsync(V1.AcceptCreditorTakeoverRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.AcceptCreditorTakeoverResponse { Asset = change.Record(asset, EventTypes.AssetCreditorTakeoverAccepted) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.AcceptCreditorTakeoverRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.AcceptCreditorTakeover(AssetMapping.ToDomain(request.Creditor), request.AcceptedOn.ToDateOnly()!.Value, request.DebtorNotifiedOn.ToDateOnly()!.Value, step);
    }

    public sealed class Validator : AbstractValidator<V1.AcceptCreditorTakeoverRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Creditor).NotNull().WithMessage("Is required.").SetValidator(new Seizures.PartyValidator());
            RuleFor(r => r.AcceptedOn).IsPastDate(clock);
            RuleFor(r => r.DebtorNotifiedOn).IsPastDate(clock);
        }
    }
}
