using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>The transfer documents went to the land registration office (Decree 152/2026 art. 69).</summary>
public sealed class RecordLandDocumentsSent(AssetSteps steps)
{
    public Task<V1.RecordLandDocumentsSentResponse> HandleAsync(V1.RecordLandDocumentsSentRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordLandDocumentsSentResponse { Asset = change.Record(asset, EventTypes.AssetLandDocumentsSent) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordLandDocumentsSentRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordLandDocumentsSent(request.SentOn.ToDateOnly()!.Value, request.LandRegistrationOffice.Trim(), step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordLandDocumentsSentRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.SentOn).IsPastDate(clock);
            RuleFor(r => r.LandRegistrationOffice).Required();
        }
    }
}
