using AssetAuction.Contracts.V1;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Organizations;

/// <summary>Lists organizations by id (registration order), keyset-paged.</summary>
public sealed class ListAuctionOrganizations(AssetAuctionDbContext db)
{
    public async Task<ListAuctionOrganizationsResponse> HandleAsync(ListAuctionOrganizationsRequest request, RequestContext context)
    {
        var after = PageToken.Decode(request.PageToken, "organizations") ?? "";
        var size = PageToken.Size(request.PageSize);
        var page = await db.AuctionOrganizations.AsNoTracking().Where(o => string.Compare(o.Id, after) > 0).OrderBy(o => o.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new ListAuctionOrganizationsResponse();
        response.Organizations.Add(page.Take(size).Select(o => o.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, "organizations");
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<ListAuctionOrganizationsRequest>
    {
        public Validator() => RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
    }
}
