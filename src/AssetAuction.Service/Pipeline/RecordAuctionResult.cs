using AssetAuction.Domain.Assets;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>
/// The result of the open round. The office's case management system may record it, and so may the
/// auction organization that holds the contract, for its own rounds only (others are answered not found).
/// </summary>
public sealed class RecordAuctionResult(AssetSteps steps)
{
    public Task<V1.RecordAuctionResultResponse> HandleAsync(V1.RecordAuctionResultRequest request, RequestContext context)
    {
        var caller = context.Caller;
        Func<Asset, bool>? organizationsOwn = caller.Role == Roles.AuctionOrganization
            ? asset => caller.Organization.Length > 0 && asset.Contract?.OrganizationId == caller.Organization && asset.OpenRound?.OrganizationId != null && asset.OpenRound.OrganizationId == caller.Organization
            : null;
        return steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, change.Step);
            return new V1.RecordAuctionResultResponse { Asset = change.Record(asset, EventTypes.AssetAuctionResultRecorded) };
        }, organizationsOwn);
    }

    /// <summary>The act itself, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.RecordAuctionResultRequest request, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        if (request.ResultCase == V1.RecordAuctionResultRequest.ResultOneofCase.Sold)
        {
            asset.RecordSold(AssetMapping.ToDomain(request.Sold.Winner), request.Sold.WinningPrice, request.Sold.DepositPaid, request.Note.Trim(), step);
        }
        else
        {
            asset.RecordFailed((FailureReason)request.Failed.Reason, request.Note.Trim(), step, request.Failed.PartiesNotifiedOn.ToDateOnly());
        }
    }

    public sealed class Validator : AbstractValidator<V1.RecordAuctionResultRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.ResultCase).NotEqual(V1.RecordAuctionResultRequest.ResultOneofCase.None).WithMessage("Give sold or failed.").OverridePropertyName("result");
            RuleFor(r => r.Note).Optional(2000);
            When(r => r.ResultCase == V1.RecordAuctionResultRequest.ResultOneofCase.Sold, () =>
            {
                RuleFor(r => r.Sold.Winner).NotNull().WithMessage("Name the winner.").SetValidator(new Seizures.PartyValidator());
                RuleFor(r => r.Sold.WinningPrice).IsPositiveMoney();
                RuleFor(r => r.Sold.DepositPaid).IsMoneyOrZero()
                    .Must((r, d) => d <= r.Sold.WinningPrice).WithMessage("The deposit cannot exceed the winning price.");
            });
            When(r => r.ResultCase == V1.RecordAuctionResultRequest.ResultOneofCase.Failed, () =>
            {
                RuleFor(r => r.Failed.Reason).IsDefinedValue().NotEqual(V1.AuctionRound.Types.FailureReason.Unspecified).WithMessage("Give the legal reason the auction failed (LDGTS 52).");
                RuleFor(r => r.Failed.PartiesNotifiedOn).IsOptionalDate();
            });
        }
    }
}
