using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The debtor pays in time and keeps the asset the creditor was to take (LTHADS 104.2).</summary>
public sealed class RecordDebtorKeepsAsset(AssetSteps steps)
{
    public Task<V1.RecordDebtorKeepsAssetResponse> HandleAsync(V1.RecordDebtorKeepsAssetRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordDebtorKeepsAssetResponse { Asset = change.Record(asset, EventTypes.AssetKeptByDebtor) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordDebtorKeepsAssetRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.DebtorKeepsAsset(new Redemption { PaidOn = request.PaidOn.ToDateOnly()!.Value, ObligationAndCosts = request.ObligationAndCosts, Reference = request.Reference.Trim(), DuringCreditorTakeover = true }, step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordDebtorKeepsAssetRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.PaidOn).IsPastDate(clock);
            RuleFor(r => r.ObligationAndCosts).IsPositiveMoney();
            RuleFor(r => r.Reference).Required(128);
        }
    }
}
