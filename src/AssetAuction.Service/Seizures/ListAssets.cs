using AssetAuction.Contracts.V1;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>Lists assets newest first, keyset-paged on the time-ordered id (no OFFSET).</summary>
public sealed class ListAssets(AssetAuctionDbContext db)
{
    public async Task<ListAssetsResponse> HandleAsync(ListAssetsRequest request, RequestContext context)
    {
        // Empty office: the caller's own; a supervisor's empty office: every office.
        var office = request.Office.Length > 0 ? request.Office : context.Caller.IsSupervisor ? "" : context.Caller.Office;
        if (office.Length > 0)
        {
            context.Caller.EnsureCanSee(office, $"offices/{office}");
        }

        var filters = $"{office}|{request.CaseNumber}|{(int)request.State}|{(int)request.Kind}";
        var after = PageToken.Decode(request.PageToken, filters);
        var size = PageToken.Size(request.PageSize);

        IQueryable<DomainAsset> query = GetAsset.WithPipeline(db.Assets.AsNoTracking());
        if (office.Length > 0)
        {
            query = query.Where(a => a.Office == office);
        }

        if (request.CaseNumber.Length > 0)
        {
            query = query.Where(a => a.CaseNumber == request.CaseNumber);
        }

        if (request.State != Asset.Types.State.Unspecified)
        {
            var state = (Domain.Assets.AssetState)request.State;
            query = query.Where(a => a.State == state);
        }

        if (request.Kind != Asset.Types.Kind.Unspecified)
        {
            var kind = (Domain.Assets.AssetKind)request.Kind;
            query = query.Where(a => a.Kind == kind);
        }

        if (after is not null)
        {
            query = query.Where(a => string.Compare(a.Id, after) < 0);
        }

        var page = await query.OrderByDescending(a => a.Id).Take(size + 1).ToListAsync(context.CancellationToken);
        var response = new ListAssetsResponse();
        response.Assets.Add(page.Take(size).Select(a => a.ToProto()));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, filters);
        }

        return response;
    }

    public sealed class Validator : AbstractValidator<ListAssetsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize).WithMessage($"Must be from 0 (default {PageToken.DefaultPageSize}) to {PageToken.MaxPageSize}.");
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.CaseNumber).Optional(128);
            RuleFor(r => r.State).IsInEnum();
            RuleFor(r => r.Kind).IsInEnum();
        }
    }
}
