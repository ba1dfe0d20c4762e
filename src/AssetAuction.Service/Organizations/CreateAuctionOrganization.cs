using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Organization = AssetAuction.Domain.Organizations.AuctionOrganization;

namespace AssetAuction.Service.Organizations;

/// <summary>Registers a licensed auction organization; one licence number, one organization.</summary>
public sealed class CreateAuctionOrganization(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock, IIdGenerator ids)
{
    public Task<CreateAuctionOrganizationResponse> HandleAsync(CreateAuctionOrganizationRequest request, RequestContext context) =>
        runner.RunOptimisticallyAsync(context, request, async log =>
        {
            var input = request.Organization;
            var licence = input.LicenceNumber.Trim();
            var existing = await db.AuctionOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.LicenceNumber == licence, context.CancellationToken);
            if (existing is not null)
            {
                throw DomainException.Precondition(Reasons.LicenceAlreadyRegistered, existing.Name, $"Licence {licence} is already registered as {existing.Name}.", new Dictionary<string, string> { ["organization"] = existing.Name });
            }

            var now = clock.GetUtcNow();
            var organization = new Organization(ids.NewId(now), input.DisplayName.Trim(), licence, input.Address.Trim(), input.Contact.Trim(), now);
            db.AuctionOrganizations.Add(organization);
            var proto = organization.ToProto();
            log.Record(EventTypes.AuctionOrganizationCreated, organization.Name, "", null, proto, organization.Id);
            return new CreateAuctionOrganizationResponse { Organization = proto };
        });

    public sealed class Validator : AbstractValidator<CreateAuctionOrganizationRequest>
    {
        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Organization).NotNull().WithMessage("Is required.").DependentRules(() =>
            {
                RuleFor(r => r.Organization.DisplayName).Required();
                RuleFor(r => r.Organization.LicenceNumber).Required(64);
                RuleFor(r => r.Organization.Address).Required(512);
                RuleFor(r => r.Organization.Contact).Required();
            });
        }
    }
}
