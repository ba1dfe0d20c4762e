using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AssetAuction.Service.Data;

/// <summary>
/// A mutation that only adds rows (a seizure act with its assets, their time limits and facts; an organization) is
/// written with the prepared INSERTs of <see cref="InsertPlan"/>, their values computed before the write lock, and
/// not by EF Core's SaveChanges, whose SQL generation and command batching ran inside the serial commit loop (four
/// fifths of the loop's CPU for RegisterSeizure in a profile). A mutation that changes or removes a stored row, or
/// tracks one at all, stays with SaveChanges: its rows are not new, and its concurrency checks are EF Core's.
/// </summary>
internal static class PreparedInserts
{
    // Entity types in an order where a principal comes before the types with a foreign key to it.
    private static readonly ConditionalWeakTable<IModel, IReadOnlyDictionary<IEntityType, int>> Ranks = [];

    /// <summary>
    /// The rows of everything <paramref name="db"/> tracks, in insert order, when it tracks only new entities whose
    /// rows <see cref="InsertPlan"/> can write; null when the save must be EF Core's. Changes must be detected already.
    /// </summary>
    public static PreparedRows? TryPrepare(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var roots = new List<(int Rank, object Entity)>();
        var ranks = Ranks.GetValue(db.Model, RankTypes);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State != EntityState.Added)
                {
                    // A stored row is tracked: an owned value added to it, or a change, is an UPDATE.
                    return null;
                }

                if (!entry.Metadata.IsOwned())
                {
                    // Owned entities are written inside their owner's row (a JSON document or split columns).
                    added.Add(entry.Entity);
                    roots.Add((ranks.GetValueOrDefault(entry.Metadata, int.MaxValue), entry.Entity));
                }
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        if (added.Count == 0)
        {
            return null;
        }

        PreparedRows rows;
        try
        {
            rows = new PreparedRows(db);
            foreach (var (_, entity) in roots.OrderBy(r => r.Rank))
            {
                // An asset's rounds and time limits come with it (after it): only entities not written yet start a row.
                if (!rows.Contains(entity))
                {
                    rows.Add(entity);
                }
            }
        }
        catch (NotSupportedException)
        {
            // A shape InsertPlan does not write (a store-generated value, an owned type in a table of its own).
            return null;
        }

        // Exactly the tracked new entities, each once (one reached twice would be inserted twice): nothing reached that EF Core would not insert, nothing missed.
        return rows.Count == added.Count && rows.Entities.Count == added.Count && rows.Entities.All(added.Contains) ? rows : null;
    }

    private static IReadOnlyDictionary<IEntityType, int> RankTypes(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => !t.IsOwned()).ToList();
        var principals = types.ToDictionary(t => t, t => t.GetForeignKeys().Select(k => k.PrincipalEntityType).Where(p => p != t && !p.IsOwned()).ToHashSet());
        var ranks = new Dictionary<IEntityType, int>();
        var rank = 0;
        while (ranks.Count < types.Count)
        {
            // Types whose principals all have a rank; a cycle (none here) is broken by taking the rest as they come.
            var ready = types.Where(t => !ranks.ContainsKey(t) && principals[t].All(ranks.ContainsKey)).ToList();
            foreach (var type in ready.Count > 0 ? ready : types.Where(t => !ranks.ContainsKey(t)))
            {
                ranks[type] = rank++;
            }
        }

        return ranks;
    }
}
