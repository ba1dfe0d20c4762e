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

    /// <summary>Loads an asset with its seizure act, or throws ASSET_NOT_FOUND (also for another office's asset).</summary>
    internal static async Task<Domain.Assets.Asset> LoadAsync(AssetAuctionDbContext db, string name, Security.Caller caller, CancellationToken ct, bool tracked = true)
    {
        var id = ResourceNames.AssetId(name);
        var query = db.Assets.Include(a => a.Seizure).Where(a => a.Id == id);
        var asset = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
        caller.EnsureVisible(asset.Office, name, Reasons.AssetNotFound);
        return asset;
    }

    public sealed class Validator : AbstractValidator<GetAssetRequest>
    {
        public Validator() => RuleFor(r => r.Name).IsAssetName();
    }
}
