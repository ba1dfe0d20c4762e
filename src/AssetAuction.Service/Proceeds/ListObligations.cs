using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>An office's obligations, by case, keyset-paged on the registration-ordered id.</summary>
public sealed class ListObligations(AssetAuctionDbContext db)
{
    public async Task<V1.ListObligationsResponse> HandleAsync(V1.ListObligationsRequest request, RequestContext context)
    {
        var office = OfficeScope.Resolve(request.Office, context);
        var filters = $"{office}|{request.CaseNumber}";
        var after = PageToken.Decode(request.PageToken, filters) ?? "";
        var size = PageToken.Size(request.PageSize);
        var query = db.Obligations.AsNoTracking().Where(o => string.Compare(o.Id, after) > 0);
        if (office.Length > 0)
        {
            query = query.Where(o => o.Office == office);
        }

        if (request.CaseNumber.Length > 0)
        {
            query = query.Where(o => o.CaseNumber == request.CaseNumber);
        }

        var page = await query.OrderBy(o => o.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new V1.ListObligationsResponse();
        response.Obligations.Add(page.Take(size).Select(o => o.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, filters);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<V1.ListObligationsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.CaseNumber).Optional(128);
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
