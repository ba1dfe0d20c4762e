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
    public async Task<ListAssetsResponse> HandleAsync(ListAssetsRequest request, RequestContext context)
    {
        var (assets, next) = await PageAsync(request, context);
        var response = new ListAssetsResponse { NextPageToken = next };
        response.Assets.Add(assets.Select(a => a.ToMessage()));
        return response;
    }

    /// <summary>The same answer in its wire form, with the assets' stored views written as they are (the gRPC binding).</summary>
    public async Task<WireResponse> HandleWireAsync(ListAssetsRequest request, RequestContext context)
    {
        var (assets, next) = await PageAsync(request, context);
        var response = new WireResponse.Builder();
        foreach (var asset in assets)
        {
            asset.AddTo(response, ListAssetsResponse.AssetsFieldNumber);
        }

        return response.AddString(ListAssetsResponse.NextPageTokenFieldNumber, next).Build();
    }

    /// <summary>The page's assets, and the token of the next page (empty on the last).</summary>
    private async Task<(List<AssetViews.AssetAnswer> Assets, string Next)> PageAsync(ListAssetsRequest request, RequestContext context)
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
            ? await ViewQueries.OfficePageAsync(db, office, after, size + 1, context.CancellationToken) // the common listing: one plain statement
            : await WithViews(db, Filtered(request, office, after).Take(size + 1)).ToListAsync(context.CancellationToken);
        var assets = await AssetViews.PageAsync(db, page.Count > size ? page[..size] : page, context.CancellationToken);
        return (assets, page.Count > size ? PageToken.Encode(page[size - 1].Id ?? throw new InvalidOperationException("The page's last row has no id."), filters) : "");
    }

    /// <summary>
    /// The assets' ids, each with its view's bytes when the view is current (made at the asset's version), as
    /// ViewQueries.OfficePageAsync reads them for an office's assets with no other filter.
    /// </summary>
    private static IQueryable<AssetViews.PageRow> WithViews(AssetAuctionDbContext db, IQueryable<DomainAsset> assets) =>
        assets.Select(a => new AssetViews.PageRow(
            a.Id,
            db.Set<AssetView>().Where(v => v.AssetId == a.Id && v.Version == a.Version).Select(v => v.Proto).FirstOrDefault()));

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
            RuleFor(r => r.State).IsDefinedValue();
            RuleFor(r => r.Kind).IsDefinedValue();
        }
    }
}
