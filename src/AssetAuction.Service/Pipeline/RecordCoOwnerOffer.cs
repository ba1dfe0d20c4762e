using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Co-owners' answers to the offer of the debtor's share (ND62 27.1).</summary>
public sealed class RecordCoOwnerOffer(AssetSteps steps)
{
    public Task<V1.RecordCoOwnerOfferResponse> HandleAsync(V1.RecordCoOwnerOfferRequest request, RequestContext context) =>
        steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordCoOwnerOfferResponse { Asset = change.Record(asset, EventTypes.AssetCoOwnerOfferRecorded) };
        });

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordCoOwnerOfferRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        asset.RecordCoOwnerOffer([.. request.Answers.Select(a => new CoOwnerAnswer { CoOwnerName = a.CoOwnerName.Trim(), Accepted = a.Accepted, AnswerDate = a.AnswerDate.ToDateOnly()!.Value })], request.BuyerName.Trim(), request.SaleDate.ToDateOnly()!.Value, step);
    }

    public sealed class Validator : AbstractValidator<V1.RecordCoOwnerOfferRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Answers).NotEmpty().WithMessage("Record at least one answer.").Must(a => a.Count <= 50).WithMessage("At most 50 answers.");
            RuleForEach(r => r.Answers).ChildRules(a =>
            {
                a.RuleFor(x => x.CoOwnerName).Required();
                a.RuleFor(x => x.AnswerDate).IsPastDate(clock);
            }).When(r => r.Answers.Count <= 50);
            RuleFor(r => r.BuyerName).Optional();
            RuleFor(r => r.SaleDate).IsPastDate(clock);
        }
    }
}
