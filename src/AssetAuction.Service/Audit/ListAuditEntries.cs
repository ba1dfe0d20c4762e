using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Audit;

/// <summary>A resource's audit entries, oldest first, keyset-paged on the chain sequence.</summary>
public sealed class ListAuditEntries(AssetAuctionDbContext db)
{
    public async Task<ListAuditEntriesResponse> HandleAsync(ListAuditEntriesRequest request, RequestContext context)
    {
        long after = 0;
        if (PageToken.Decode(request.PageToken, request.Resource) is { } token && !long.TryParse(token, CultureInfo.InvariantCulture, out after))
        {
            throw PageToken.Invalid();
        }

        var size = PageToken.Size(request.PageSize);
        var page = await db.AuditEntries.AsNoTracking()
            .Where(e => e.Resource == request.Resource && e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(size + 1)
            .ToListAsync(context.CancellationToken);

        var response = new ListAuditEntriesResponse();
        response.Entries.Add(page.Take(size).Select(e => e.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Sequence.ToString(CultureInfo.InvariantCulture), request.Resource);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<ListAuditEntriesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Resource).Required(256);
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
