using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssetAuction.Service.Data;

/// <summary>
/// Keeps the rows made from each asset in step with the asset: its statistics fact (<see cref="AssetFact"/>) and
/// its read view (<see cref="AssetView"/>). On every save that adds or changes an asset, or one of its rounds or
/// time limits, both are refreshed in the same SaveChanges, so in the same transaction (MutationRunner commits all
/// or none). Facts were chosen over maintained per-office counters because counters cannot be recomputed for a
/// past month after a back-dated act, and over reading whole assets because their JSON columns make a country's
/// year slow (see the benchmark figures in the README); views for the same reason on the read path.
/// </summary>
public sealed class AssetDerivedRows(IAssetViewMaker viewMaker) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !Prepared(db) && Changed(db) is { Assets.Count: > 0 } tracked)
        {
            var (noFact, noView) = (tracked.Missing(tracked.Facts), tracked.Missing(tracked.Views));
            var facts = noFact.Count == 0 ? [] : db.Set<AssetFact>().Where(f => noFact.Contains(f.AssetId)).ToList();
            var views = noView.Count == 0 ? [] : db.Set<AssetView>().Where(v => noView.Contains(v.AssetId)).ToList();
            Refresh(db, tracked, facts, views, null);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && !Prepared(db))
        {
            await RefreshAsync(db, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Refreshes the facts and views of the assets <paramref name="db"/> adds or changes, with every change detected,
    /// so a save that follows needs no detection of its own. The write path calls this before the write lock for
    /// writes decided there (and marks the context <see cref="AssetAuctionDbContext.ChangesPrepared"/>), which keeps
    /// this work out of the serial commit loop; the interceptor does it for every other save.
    /// </summary>
    /// <param name="db">The context whose changes are refreshed.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="recorded">
    /// View bytes the mutation made already, by asset object, with the version they show (Journal/ChangeLog.Views): an
    /// asset still at that version gets them as its view instead of being mapped and serialised again.
    /// </param>
    public async Task RefreshAsync(DbContext db, CancellationToken ct, IReadOnlyDictionary<object, (long Version, byte[] Bytes)>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (Changed(db) is { Assets.Count: > 0 } tracked)
        {
            var (noFact, noView) = (tracked.Missing(tracked.Facts), tracked.Missing(tracked.Views));
            var facts = noFact.Count == 0 ? [] : await db.Set<AssetFact>().Where(f => noFact.Contains(f.AssetId)).ToListAsync(ct);
            var views = noView.Count == 0 ? [] : await db.Set<AssetView>().Where(v => noView.Contains(v.AssetId)).ToListAsync(ct);
            Refresh(db, tracked, facts, views, recorded);
        }
    }

    /// <summary>The fact of a new asset, not added to any context (an import writes it itself).</summary>
    public static AssetFact FactOf(Asset asset)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var fact = new AssetFact(asset.Id);
        fact.Refresh(asset);
        return fact;
    }

    /// <summary>The fact and the view of a new asset whose rows are prepared without EF Core tracking it (see ChangeLog.Insert).</summary>
    internal void AddNew(PreparedRows rows, Asset asset, IReadOnlyDictionary<object, (long Version, byte[] Bytes)>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(asset);
        rows.Add(FactOf(asset));
        rows.Add(new AssetView(asset.Id, asset.Version, ViewOf(asset, recorded)));
    }

    /// <summary>The asset's view bytes: those the mutation made while the asset is at their version (every change moves it), otherwise made now.</summary>
    private byte[] ViewOf(Asset asset, IReadOnlyDictionary<object, (long Version, byte[] Bytes)>? recorded) =>
        recorded is not null && recorded.TryGetValue(asset, out var made) && made.Version == asset.Version
            ? made.Bytes
            : viewMaker.Make(asset);

    private static bool Prepared(DbContext db) => db is AssetAuctionDbContext { ChangesPrepared: true };

    // Compiled: every pipeline step runs both, and as LINQ each call funcletized and hashed its expression tree and
    // compiled a delegate on the way to the query cache (4% of RecordValuation's service CPU at 64 in flight, perf).
    private static readonly Func<DbContext, string, IAsyncEnumerable<AssetFact>> TrackedFactOf =
        EF.CompileAsyncQuery((DbContext db, string assetId) => db.Set<AssetFact>().Where(f => f.AssetId == assetId));

    private static readonly Func<DbContext, string, CancellationToken, Task<long?>> ViewVersionOf =
        EF.CompileAsyncQuery((DbContext db, string assetId, CancellationToken ct) => db.Set<AssetView>().Where(v => v.AssetId == assetId).Select(v => (long?)v.Version).FirstOrDefault());

    /// <summary>
    /// Loads the fact and the view of an asset about to be changed, before the write lock (the pipeline does this
    /// when it loads the asset), so the save under the lock finds them tracked and does not query. Of the view only
    /// the version is read (the row's concurrency token, checked when it is replaced): its bytes, tens of kilobytes
    /// for a long history, are about to be replaced whole, so the row is tracked without them.
    /// </summary>
    public static async Task PreloadAsync(DbContext db, string assetId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await foreach (var _ in TrackedFactOf(db, assetId).WithCancellation(ct))
        {
            // Tracked by the query: the save under the lock finds it.
        }

        var version = await ViewVersionOf(db, assetId, ct);
        if (version is { } stored && !TracksView(db, assetId))
        {
            db.Attach(new AssetView(assetId, stored, []));
        }
    }

    private static bool TracksView(DbContext db, string assetId)
    {
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // only looking for a key: no need to detect the asset's changes
        try
        {
            return db.ChangeTracker.Entries<AssetView>().Any(e => e.Entity.AssetId == assetId);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>
    /// In one pass over what the context tracks, with its changes detected once: the assets added or changed, the
    /// tracked ones whose rounds or time limits changed without them (their view shows those too), and the facts
    /// and views already tracked. Asking the context again (its Local views, an asset's entry) would detect every
    /// change again each time (seen in a profile of RegisterSeizure).
    /// </summary>
    private static Tracked Changed(DbContext db)
    {
        db.ChangeTracker.DetectChanges();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // just detected: Entries would do it all over again
        try
        {
            var tracked = new Tracked();
            Dictionary<string, EntityEntry<Asset>>? unchanged = null;
            HashSet<string>? parts = null;
            foreach (var entry in db.ChangeTracker.Entries())
            {
                switch (entry.Entity)
                {
                    case Asset asset when entry.State is EntityState.Added or EntityState.Modified:
                        tracked.Assets.Add(new ChangedAsset(asset, entry.State, Whole(db.Entry(asset))));
                        break;
                    case Asset asset:
                        (unchanged ??= new(StringComparer.Ordinal))[asset.Id] = db.Entry(asset);
                        break;
                    case AuctionRound round when entry.State is not EntityState.Unchanged:
                        (parts ??= new(StringComparer.Ordinal)).Add(round.AssetId);
                        break;
                    case Deadline deadline when entry.State is not EntityState.Unchanged:
                        (parts ??= new(StringComparer.Ordinal)).Add(deadline.AssetId);
                        break;
                    case AssetFact fact:
                        tracked.Facts[fact.AssetId] = fact;
                        break;
                    case AssetView view:
                        tracked.Views[view.AssetId] = view;
                        break;
                }
            }

            foreach (var id in parts ?? [])
            {
                if (unchanged?.GetValueOrDefault(id) is { } entry)
                {
                    tracked.Assets.Add(new ChangedAsset(entry.Entity, EntityState.Unchanged, Whole(entry)));
                }
            }

            return tracked;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>A new asset holds all it has; a stored one must have been read with its seizure act, rounds and time limits.</summary>
    private static bool Whole(EntityEntry<Asset> entry) =>
        entry.State == EntityState.Added
        || (entry.Reference(a => a.Seizure).IsLoaded && entry.Collection(a => a.Rounds).IsLoaded && entry.Collection(a => a.Deadlines).IsLoaded);

    private void Refresh(DbContext db, Tracked tracked, List<AssetFact> loadedFacts, List<AssetView> loadedViews, IReadOnlyDictionary<object, (long Version, byte[] Bytes)>? recorded)
    {
        var facts = tracked.Facts;
        var stored = tracked.Views;
        loadedFacts.ForEach(f => facts.TryAdd(f.AssetId, f));
        loadedViews.ForEach(v => stored.TryAdd(v.AssetId, v));
        foreach (var (asset, _, whole) in tracked.Assets)
        {
            if (!facts.TryGetValue(asset.Id, out var fact))
            {
                fact = new AssetFact(asset.Id);
                db.Add(fact);
            }

            fact.Refresh(asset);
            db.Entry(fact).DetectChanges();

            // An asset changed without all its parts at hand cannot have its view remade: the stored one, if any,
            // stops being served (a read loads the asset instead) until a whole change remakes it.
            if (stored.TryGetValue(asset.Id, out var view))
            {
                if (whole)
                {
                    view.Refresh(asset.Version, ViewOf(asset, recorded));
                }
                else
                {
                    view.Invalidate();
                }

                db.Entry(view).DetectChanges();
            }
            else if (whole)
            {
                db.Add(new AssetView(asset.Id, asset.Version, ViewOf(asset, recorded)));
            }
        }
    }

    /// <summary>An asset whose derived rows must be refreshed, how it was tracked, and whether it was loaded whole.</summary>
    private readonly record struct ChangedAsset(Asset Asset, EntityState State, bool Whole);

    /// <summary>What <see cref="Changed"/> found: the assets to refresh, and the facts and views tracked already, by asset.</summary>
    private sealed class Tracked
    {
        public List<ChangedAsset> Assets { get; } = [];

        public Dictionary<string, AssetFact> Facts { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AssetView> Views { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// Stored assets with no row tracked in <paramref name="rows"/> (the facts or the views), each table looked up
        /// only for its own: an asset stored before views has its fact preloaded but no view. A new asset has neither,
        /// so it is never looked for.
        /// </summary>
        public List<string> Missing<T>(Dictionary<string, T> rows) =>
            [.. Assets.Where(a => a.State != EntityState.Added && !rows.ContainsKey(a.Asset.Id)).Select(a => a.Asset.Id)];
    }
}
