using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Seizures;

/// <summary>Reads one asset, if the caller's office may see it.</summary>
public sealed class GetAsset(AssetAuctionDbContext db)
{
    // Compiled once: a read skips LINQ translation and the query cache's lookup (the expression tree is neither
    // built nor hashed per call). The untracked read takes two statements instead of the split query's three:
    // the asset joined with its seizure act and its rounds (an asset has a handful of rounds at most, so
    // repeating the asset's row per round costs less than another statement), then its time limits, which
    // grow with the asset's life and so get a statement of their own, by the indexed AssetId.
    // No FirstOrDefault: its LIMIT makes EF wrap the asset in a subquery and select every column twice, and
    // preparing that statement is most of a read's cost on SQLite. The id is the key, so at most one asset comes.
    private static readonly Func<AssetAuctionDbContext, string, IAsyncEnumerable<DomainAsset>> UntrackedAsset =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string id) =>
            db.Assets.AsNoTracking().Include(a => a.Seizure).Include(a => a.Rounds).AsSingleQuery().Where(a => a.Id == id));

    private static readonly Func<AssetAuctionDbContext, string, IAsyncEnumerable<Deadline>> UntrackedDeadlines =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string id) => db.Deadlines.AsNoTracking().Where(d => d.AssetId == id));

    // The write path's read: tracked, the whole pipeline in one split query, as WithPipeline says.
    private static readonly Func<AssetAuctionDbContext, string, CancellationToken, Task<DomainAsset?>> TrackedAsset =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string id, CancellationToken ct) =>
            db.Assets.Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).AsSplitQuery().FirstOrDefault(a => a.Id == id));

    public async Task<GetAssetResponse> HandleAsync(GetAssetRequest request, RequestContext context)
    {
        var name = request.Name.Length > 0 ? request.Name : await NameBySourceReferenceAsync(request, context);
        var asset = await LoadAsync(db, name, context.Caller, context.CancellationToken, tracked: false);
        return new GetAssetResponse { Asset = asset.ToProto() };
    }

    /// <summary>
    /// Loads an asset with its seizure act, rounds and time limits, or throws ASSET_NOT_FOUND, also when
    /// the caller may not see it (by default: another office's asset).
    /// </summary>
    internal static async Task<DomainAsset> LoadAsync(AssetAuctionDbContext db, string name, Security.Caller caller, CancellationToken ct, bool tracked = true, Func<DomainAsset, bool>? visible = null)
    {
        // Not an asset name: no asset has it (the query would look for a null id and find nothing).
        var id = ResourceNames.AssetId(name) ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
        var asset = tracked
            ? await TrackedAsset(db, id, ct) ?? throw DomainException.NotFound(Reasons.AssetNotFound, name)
            : await LoadUntrackedAsync(db, id, name, caller, checkOffice: visible is null, ct);
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

    private static async Task<DomainAsset> LoadUntrackedAsync(AssetAuctionDbContext db, string id, string name, Security.Caller caller, bool checkOffice, CancellationToken ct)
    {
        // One connection for both statements (EF would open and close it, with its pragmas, per statement);
        // a connection already open, as in a transaction, stays open.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            DomainAsset? asset = null;
            await foreach (var found in UntrackedAsset(db, id).WithCancellation(ct))
            {
                asset = found;
            }

            if (asset is null)
            {
                throw DomainException.NotFound(Reasons.AssetNotFound, name);
            }

            if (checkOffice)
            {
                // The office check needs only the asset's row: another office's asset costs no second statement.
                caller.EnsureVisible(asset.Office, name, Reasons.AssetNotFound);
            }

            // Untracked entities are not fixed up to their asset: the time limits are attached here.
            var deadlines = new List<Deadline>();
            await foreach (var deadline in UntrackedDeadlines(db, id).WithCancellation(ct))
            {
                deadlines.Add(deadline);
            }

            asset.AttachLoadedDeadlines(deadlines);

            return asset;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Everything GetAsset shows: the seizure act, the rounds and the time limits (split queries, no cartesian blow-up).</summary>
    internal static IQueryable<DomainAsset> WithPipeline(IQueryable<DomainAsset> assets) =>
        assets.Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).AsSplitQuery();

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
