using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using Microsoft.EntityFrameworkCore;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Assets;

/// <summary>How an asset is read for a caller: by GetAsset, by every step on it, and by the proceeds of its sale.</summary>
internal static class AssetReads
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

    // The write path's read: tracked, in the same two statements as the untracked read; the change tracker fixes the
    // time limits up to their asset. Not a split query: EF Core's asynchronous split query builds a delegate per
    // included collection on every execution (DynamicMethod.CreateDelegate, 3-4% of RecordValuation's service CPU).
    private static readonly Func<AssetAuctionDbContext, string, IAsyncEnumerable<DomainAsset>> TrackedAsset =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string id) =>
            db.Assets.Include(a => a.Seizure).Include(a => a.Rounds).AsSingleQuery().Where(a => a.Id == id));

    private static readonly Func<AssetAuctionDbContext, string, IAsyncEnumerable<Deadline>> TrackedDeadlines =
        EF.CompileAsyncQuery((AssetAuctionDbContext db, string id) => db.Deadlines.Where(d => d.AssetId == id));

    /// <summary>
    /// Loads an asset with its seizure act, rounds and time limits, or throws ASSET_NOT_FOUND, also when
    /// the caller may not see it (by default: another office's asset).
    /// </summary>
    internal static async Task<DomainAsset> LoadAsync(AssetAuctionDbContext db, string name, Caller caller, CancellationToken ct, bool tracked = true, Func<DomainAsset, bool>? visible = null)
    {
        // Not an asset name: no asset has it (the query would look for a null id and find nothing).
        var id = ResourceNames.AssetId(name) ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
        var asset = tracked
            ? await LoadTrackedAsync(db, id, ct) ?? throw DomainException.NotFound(Reasons.AssetNotFound, name)
            : await LoadUntrackedAsync(db, id, name, visible is null ? caller : null, ct);
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

    /// <summary>The asset with id <paramref name="id"/>, untracked, for the service itself (no caller's check).</summary>
    internal static Task<DomainAsset> LoadForServiceAsync(AssetAuctionDbContext db, string id, CancellationToken ct) =>
        LoadUntrackedAsync(db, id, ResourceNames.Asset(id), null, ct);

    /// <summary>The tracked read, or null: the asset with its act and rounds, then its time limits, on one connection.</summary>
    private static async Task<DomainAsset?> LoadTrackedAsync(AssetAuctionDbContext db, string id, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            DomainAsset? asset = null;
            await foreach (var found in TrackedAsset(db, id).WithCancellation(ct))
            {
                asset = found;
            }

            if (asset is not null)
            {
                await foreach (var _ in TrackedDeadlines(db, id).WithCancellation(ct))
                {
                    // Tracked: the change tracker adds each to its asset's time limits.
                }

                // All of them are there, as an Include would have said: the write path remakes the view only of an
                // asset read whole (AssetDerivedRows), and would otherwise stop serving it.
                db.Entry(asset).Collection(a => a.Deadlines).IsLoaded = true;
            }

            return asset;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The untracked read; with a <paramref name="caller"/>, another office's asset is NOT_FOUND before its time limits are read.</summary>
    private static async Task<DomainAsset> LoadUntrackedAsync(AssetAuctionDbContext db, string id, string name, Caller? caller, CancellationToken ct)
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

            if (caller is not null)
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
}
