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
        var asset = await LoadAsync(db, request.Name, context.CancellationToken, tracked: false);
        context.Caller.EnsureCanSee(asset.Office, asset.Name);
        return new GetAssetResponse { Asset = asset.ToProto() };
    }

    /// <summary>Loads an asset with its seizure act, or throws ASSET_NOT_FOUND.</summary>
    internal static async Task<Domain.Assets.Asset> LoadAsync(AssetAuctionDbContext db, string name, CancellationToken ct, bool tracked = true)
    {
        var id = ResourceNames.AssetId(name);
        var query = db.Assets.Include(a => a.Seizure).Where(a => a.Id == id);
        return await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
    }

    public sealed class Validator : AbstractValidator<GetAssetRequest>
    {
        public Validator() => RuleFor(r => r.Name).IsAssetName();
    }
}
