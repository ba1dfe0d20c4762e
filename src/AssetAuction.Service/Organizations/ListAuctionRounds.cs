using AssetAuction.Contracts.V1;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainRound = AssetAuction.Domain.Assets.AuctionRound;
using Organization = AssetAuction.Domain.Organizations.AuctionOrganization;

namespace AssetAuction.Service.Organizations;

/// <summary>An organization's rounds, soonest first, keyset-paged on (auction time, id).</summary>
public sealed class ListAuctionRounds(AssetAuctionDbContext db)
{
    public async Task<ListAuctionRoundsResponse> HandleAsync(ListAuctionRoundsRequest request, RequestContext context)
    {
        var caller = context.Caller;
        var organization = request.Organization.Length > 0 ? Organization.IdOf(request.Organization)! : caller.Organization;
        if (organization.Length == 0)
        {
            // A caller that is not an organization (a supervisor) must say whose rounds it wants.
            throw new RequestValidationException([new FieldViolation("organization", "Name the organization (auctionOrganizations/{id}).")]);
        }

        if (caller.Role == Roles.AuctionOrganization && organization != caller.Organization)
        {
            throw new AccessDeniedException(ServiceReasons.OfficeNotAllowed, "An auction organization sees only its own rounds.");
        }

        var filters = $"{organization}|{request.UpcomingOnly}";
        var token = PageToken.Decode(request.PageToken, filters);
        var size = PageToken.Size(request.PageSize);
        IQueryable<DomainRound> query = db.AuctionRounds.AsNoTracking().Where(r => r.OrganizationId == organization);
        if (request.UpcomingOnly)
        {
            query = query.Where(r => r.State == Domain.Assets.AuctionRoundState.Scheduled || r.State == Domain.Assets.AuctionRoundState.Suspended);
        }

        if (token is not null)
        {
            var parts = token.Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var ticks))
            {
                throw PageToken.Invalid();
            }

            var time = new DateTimeOffset(ticks, TimeSpan.Zero);
            var id = parts[1];
            query = query.Where(r => r.AuctionTime > time || (r.AuctionTime == time && string.Compare(r.Id, id) > 0));
        }

        var page = await query.OrderBy(r => r.AuctionTime).ThenBy(r => r.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var assetIds = page.Select(r => r.AssetId).Distinct().ToList();
        var descriptions = await db.Assets.AsNoTracking().Where(a => assetIds.Contains(a.Id)).Select(a => new { a.Id, a.Description }).ToDictionaryAsync(a => a.Id, a => a.Description, context.CancellationToken);
        var response = new ListAuctionRoundsResponse();
        response.Rounds.Add(page.Take(size).Select(r => r.ToProto(descriptions.GetValueOrDefault(r.AssetId, ""))));
        if (page.Count > size)
        {
            var last = page[size - 1];
            response.NextPageToken = PageToken.Encode($"{last.AuctionTime.UtcTicks}|{last.Id}", filters);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<ListAuctionRoundsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Organization).Must(o => o.Length == 0 || Organization.IdOf(o) is not null).WithMessage("Must be empty or auctionOrganizations/{organization}.");
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
