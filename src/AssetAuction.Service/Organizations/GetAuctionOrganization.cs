using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Organization = AssetAuction.Domain.Organizations.AuctionOrganization;

namespace AssetAuction.Service.Organizations;

/// <summary>Reads an organization; an auction organization may read only itself.</summary>
public sealed class GetAuctionOrganization(AssetAuctionDbContext db)
{
    public async Task<GetAuctionOrganizationResponse> HandleAsync(GetAuctionOrganizationRequest request, RequestContext context)
    {
        var id = Organization.IdOf(request.Name);
        var organization = await db.AuctionOrganizations.FindAsync([id], context.CancellationToken);
        if (organization is null || (context.Caller.Role == Roles.AuctionOrganization && context.Caller.Organization != id))
        {
            throw DomainException.NotFound(Reasons.OrganizationNotFound, request.Name);
        }

        return new GetAuctionOrganizationResponse { Organization = organization.ToProto() };
    }

    public sealed class Validator : AbstractValidator<GetAuctionOrganizationRequest>
    {
        public Validator() => RuleFor(r => r.Name).Must(n => Organization.IdOf(n) is not null).WithMessage("Must be auctionOrganizations/{organization}.");
    }
}
