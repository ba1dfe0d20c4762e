using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>The postings, oldest first, keyset-paged on their time-ordered id.</summary>
public sealed class ListLedgerEntries(AssetAuctionDbContext db)
{
    public async Task<V1.ListLedgerEntriesResponse> HandleAsync(V1.ListLedgerEntriesRequest request, RequestContext context)
    {
        var filters = $"{request.Office}|{request.Asset}|{request.CaseNumber}";
        var after = PageToken.Decode(request.PageToken, filters) ?? "";
        var size = PageToken.Size(request.PageSize);
        var page = await LedgerQueries.Scope(db, request.Office, request.Asset, request.CaseNumber, context)
            .Where(e => string.Compare(e.Id, after) > 0).OrderBy(e => e.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new V1.ListLedgerEntriesResponse();
        response.Entries.Add(page.Take(size).Select(e => e.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, filters);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<V1.ListLedgerEntriesRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.Asset).Must(a => a.Length == 0 || ResourceNames.AssetId(a) is not null).WithMessage("Must be empty or assets/{asset}.");
            RuleFor(r => r.CaseNumber).Optional(128);
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize);
        }
    }
}
