using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Seizures;

/// <summary>Reads one asset, if the caller's office may see it.</summary>
public sealed class GetAsset(AssetAuctionDbContext db)
{
    public async Task<GetAssetResponse> HandleAsync(GetAssetRequest request, RequestContext context)
    {
        var asset = await LoadAsync(db, request.Name, context.Caller, context.CancellationToken, tracked: false);
        return new GetAssetResponse { Asset = asset.ToProto() };
    }

    /// <summary>
    /// Loads an asset with its seizure act, rounds and time limits, or throws ASSET_NOT_FOUND, also when
    /// the caller may not see it (by default: another office's asset).
    /// </summary>
    internal static async Task<Domain.Assets.Asset> LoadAsync(AssetAuctionDbContext db, string name, Security.Caller caller, CancellationToken ct, bool tracked = true, Func<Domain.Assets.Asset, bool>? visible = null)
    {
        var id = ResourceNames.AssetId(name);
        var query = WithPipeline(db.Assets).Where(a => a.Id == id);
        var asset = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
        if (visible is null)
        {
            caller.EnsureVisible(asset.Office, name, Reasons.AssetNotFound);
        }
        else if (!visible(asset))
        {
            throw DomainException.NotFound(Reasons.AssetNotFound, name);
        }

        return asset;
    }

    /// <summary>Everything GetAsset shows: the seizure act, the rounds and the time limits (split queries, no cartesian blow-up).</summary>
    internal static IQueryable<Domain.Assets.Asset> WithPipeline(IQueryable<Domain.Assets.Asset> assets) =>
        assets.Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).AsSplitQuery();

    public sealed class Validator : AbstractValidator<GetAssetRequest>
    {
        public Validator() => RuleFor(r => r.Name).IsAssetName();
    }
}
