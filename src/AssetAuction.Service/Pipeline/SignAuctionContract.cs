using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Organizations;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Pipeline;

/// <summary>Records the auction service contract with a registered organization (LTHADS 101.2).</summary>
public sealed class SignAuctionContract(AssetSteps steps, AssetAuctionDbContext db)
{
    public async Task<V1.SignAuctionContractResponse> HandleAsync(V1.SignAuctionContractRequest request, RequestContext context)
    {
        var organization = await db.AuctionOrganizations.FindAsync([AuctionOrganization.IdOf(request.Organization)], context.CancellationToken)
            ?? throw DomainException.NotFound(Reasons.OrganizationNotFound, request.Organization);
        return await steps.ChangeAsync(request, context, async change =>
        {
            var asset = await change.LoadAsync();
            Apply(asset, request, organization, change.Step);
            return new V1.SignAuctionContractResponse { Asset = change.Record(asset, EventTypes.AssetAuctionContractSigned) };
        });
    }

    /// <summary>The act itself, with the organization named by the request, on an asset already loaded (also replayed by the backlog import).</summary>
    internal static void Apply(Asset asset, V1.SignAuctionContractRequest request, AuctionOrganization organization, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(organization);
        asset.SignAuctionContract(
            new AuctionContract
            {
                OrganizationId = organization.Id,
                OrganizationName = organization.DisplayName,
                ContractNumber = request.ContractNumber.Trim(),
                ContractDate = request.ContractDate.ToDateOnly()!.Value,
            },
            step);
    }

    public sealed class Validator : AbstractValidator<V1.SignAuctionContractRequest>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Name).IsAssetName();
            RuleFor(r => r.Etag).IsEtag();
            RuleFor(r => r.Organization).Must(o => AuctionOrganization.IdOf(o) is not null).WithMessage("Must be an organization name, auctionOrganizations/{organization}.");
            RuleFor(r => r.ContractNumber).Required(128);
            RuleFor(r => r.ContractDate).IsPastDate(clock);
        }
    }
}
