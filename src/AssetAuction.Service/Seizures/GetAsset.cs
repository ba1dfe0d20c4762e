using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>Reads one asset, if the caller's office may see it.</summary>
public sealed class GetAsset(AssetAuctionDbContext db)
{
    public async Task<GetAssetResponse> HandleAsync(GetAssetRequest request, RequestContext context) =>
        new() { Asset = (await ReadAsync(request, context)).ToMessage() };

    /// <summary>The same answer in its wire form, with the asset's stored view written as it is (the gRPC binding).</summary>
    public async Task<WireResponse> HandleWireAsync(GetAssetRequest request, RequestContext context)
    {
        var response = new WireResponse.Builder();
        (await ReadAsync(request, context)).AddTo(response, GetAssetResponse.AssetFieldNumber);
        return response.Build();
    }

    private async Task<AssetViews.AssetAnswer> ReadAsync(GetAssetRequest request, RequestContext context)
    {
        var name = request.Name.Length > 0 ? request.Name : await NameBySourceReferenceAsync(request, context);
        return await AssetViews.ReadAsync(db, name, context.Caller, context.CancellationToken);
    }

    /// <summary>
    /// The name of the office's asset with the request's source reference; NOT_FOUND when there is none or the
    /// caller may not see that office (the same answer, so another office's references are not revealed).
    /// </summary>
    private async Task<string> NameBySourceReferenceAsync(GetAssetRequest request, RequestContext context)
    {
        var office = request.Office.Length > 0 ? request.Office : context.Caller.Office;
        var reference = request.SourceReference.Trim();
        var what = $"offices/{office}/sourceReferences/{reference}";
        context.Caller.EnsureVisible(office, what, Reasons.AssetNotFound);
        var id = await db.Assets.AsNoTracking().Where(a => a.Office == office && a.SourceReference == reference).Select(a => a.Id).FirstOrDefaultAsync(context.CancellationToken);
        return id is null ? throw DomainException.NotFound(Reasons.AssetNotFound, what) : ResourceNames.Asset(id);
    }

    public sealed class Validator : AbstractValidator<GetAssetRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Name).IsAssetName().When(r => r.Name.Length > 0 || r.SourceReference.Length == 0);
            RuleFor(r => r.SourceReference).Empty().WithMessage("Give either name or source_reference, not both.").When(r => r.Name.Length > 0);
            RuleFor(r => r.Office).Empty().WithMessage("Only with source_reference.").When(r => r.Name.Length > 0);
            RuleFor(r => r.SourceReference).Optional(128);
            RuleFor(r => r.Office).Optional(64);
        }
    }
}
