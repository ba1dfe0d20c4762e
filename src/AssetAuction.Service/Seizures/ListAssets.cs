using AssetAuction.Contracts.V1;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>Lists assets newest first, keyset-paged on the time-ordered id (no OFFSET).</summary>
public sealed class ListAssets(AssetAuctionDbContext db)
{
    // The common listing, an office's assets with no other filter, compiled once (first page and later pages):
    // no LINQ translation or query-cache lookup per call. Other filter combinations are composed per call.
    // One statement: the page's ids with their current views (see AssetViews); an asset without one is loaded.
    private static readonly Func<AssetAuctionDbContext, string, int, IAsyncEnumerable<AssetViews.PageRow>> OfficeFirstPage =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string office, int take) =>
            db.Assets.Where(a => a.Office == office).OrderByDescending(a => a.Id).Take(take)
                .Select(a => new AssetViews.PageRow(a.Id, db.Set<AssetView>().Where(v => v.AssetId == a.Id && v.Version == a.Version).Select(v => v.Proto).FirstOrDefault())));

    private static readonly Func<AssetAuctionDbContext, string, string, int, IAsyncEnumerable<AssetViews.PageRow>> OfficeNextPage =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string office, string after, int take) =>
            db.Assets.Where(a => a.Office == office && string.Compare(a.Id, after) < 0).OrderByDescending(a => a.Id).Take(take)
                .Select(a => new AssetViews.PageRow(a.Id, db.Set<AssetView>().Where(v => v.AssetId == a.Id && v.Version == a.Version).Select(v => v.Proto).FirstOrDefault())));

    public async Task<ListAssetsResponse> HandleAsync(ListAssetsRequest request, RequestContext context)
    {
        // Empty office: the caller's own; a supervisor's empty office: every office.
        var office = request.Office.Length > 0 ? request.Office : context.Caller.IsSupervisor ? "" : context.Caller.Office;
        if (office.Length > 0)
        {
            context.Caller.EnsureCanSee(office, $"offices/{office}");
        }

        var filters = $"{office}|{request.CaseNumber}|{(int)request.State}|{(int)request.Kind}{(request.RecordedLate ? "|late" : "")}{(request.SourceReference.Length > 0 ? "|ref:" + request.SourceReference : "")}";
        var after = PageToken.Decode(request.PageToken, filters);
        var size = PageToken.Size(request.PageSize);

        var page = office.Length > 0 && request.CaseNumber.Length == 0 && request.State == Asset.Types.State.Unspecified && request.Kind == Asset.Types.Kind.Unspecified && !request.RecordedLate && request.SourceReference.Length == 0
            ? await ToListAsync(after is null ? OfficeFirstPage(db, office, size + 1) : OfficeNextPage(db, office, after, size + 1), size + 1, context.CancellationToken)
            : await WithViews(db, Filtered(request, office, after).Take(size + 1)).ToListAsync(context.CancellationToken);
        var response = new ListAssetsResponse();
        response.Assets.Add(await AssetViews.PageAsync(db, page.Count > size ? page[..size] : page, context.CancellationToken));
        if (page.Count > size)
        {
            response.NextPageToken = PageToken.Encode(page[size - 1].Id, filters);
        }

        return response;
    }

    /// <summary>
    /// The assets' ids, each with its view's bytes when the view is current (made at the asset's version). The
    /// compiled queries above write the same projection out: a compiled query cannot call a method.
    /// </summary>
    private static IQueryable<AssetViews.PageRow> WithViews(AssetAuctionDbContext db, IQueryable<DomainAsset> assets) =>
        assets.Select(a => new AssetViews.PageRow(
            a.Id,
            db.Set<AssetView>().Where(v => v.AssetId == a.Id && v.Version == a.Version).Select(v => v.Proto).FirstOrDefault()));

    private static async Task<List<AssetViews.PageRow>> ToListAsync(IAsyncEnumerable<AssetViews.PageRow> assets, int capacity, CancellationToken ct)
    {
        var list = new List<AssetViews.PageRow>(capacity);
        await foreach (var asset in assets.WithCancellation(ct))
        {
            list.Add(asset);
        }

        return list;
    }

    /// <summary>Any other combination of filters, newest first.</summary>
    private IQueryable<DomainAsset> Filtered(ListAssetsRequest request, string office, string? after)
    {
        IQueryable<DomainAsset> query = db.Assets.AsNoTracking();
        if (office.Length > 0)
        {
            query = query.Where(a => a.Office == office);
        }

        if (request.SourceReference.Length > 0)
        {
            var reference = request.SourceReference.Trim();
            query = query.Where(a => a.SourceReference == reference);
        }

        if (request.RecordedLate)
        {
            query = query.Where(a => a.RecordedLate);
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

        return query.OrderByDescending(a => a.Id);
    }

    public sealed class Validator : AbstractValidator<ListAssetsRequest>
    {
        public Validator()
        {
            RuleFor(r => r.PageSize).InclusiveBetween(0, PageToken.MaxPageSize).WithMessage($"Must be from 0 (default {PageToken.DefaultPageSize}) to {PageToken.MaxPageSize}.");
            RuleFor(r => r.Office).Optional(64);
            RuleFor(r => r.CaseNumber).Optional(128);
            RuleFor(r => r.SourceReference).Optional(128);
            RuleFor(r => r.State).IsInEnum();
            RuleFor(r => r.Kind).IsInEnum();
        }
    }
}
