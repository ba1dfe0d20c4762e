using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AssetAuction.Service.Data;

/// <summary>
/// A mutation decided before the write lock has its rows written by prepared statements made from the model, their
/// values computed before the lock too, instead of by EF Core's SaveChanges, whose SQL generation and command
/// batching ran inside the serial commit loop (four fifths of the loop's CPU for RegisterSeizure in a profile):
/// a new entity is an INSERT (<see cref="InsertPlan"/>); a stored one that changed, or whose owned values (JSON
/// documents, split columns) changed, is an UPDATE (<see cref="UpdatePlan"/>): of its whole row checked by its
/// version when it has one, of its changed columns when it has none. A mutation that removes a row, or replaces or
/// removes an owned value (which leaves nothing to find its row by), stays with SaveChanges.
/// </summary>
internal static class PreparedWrites
{
    // Entity types in an order where a principal comes before the types with a foreign key to it.
    private static readonly ConditionalWeakTable<IModel, IReadOnlyDictionary<IEntityType, int>> Ranks = [];

    /// <summary>
    /// The statements that write what <paramref name="db"/> tracks, in order, or null when the save must be EF Core's.
    /// Changes must be detected already; the context is not changed.
    /// </summary>
    public static PreparedRows? TryPrepare(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var added = new List<(int Rank, object Entity)>();
        var stored = new Dictionary<object, (int Rank, Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry Entry)>(ReferenceEqualityComparer.Instance);
        var changed = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var ownedChanges = new List<object>();
        var ranks = Ranks.GetValue(db.Model, RankTypes);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries())
            {
                var owned = entry.Metadata.IsOwned();
                switch (entry.State)
                {
                    case EntityState.Deleted:
                        return null;
                    case EntityState.Unchanged when owned:
                        break;
                    case EntityState.Added or EntityState.Modified when owned:
                        ownedChanges.Add(entry.Entity);
                        break;
                    case EntityState.Added:
                        added.Add((Rank(ranks, entry.Metadata), entry.Entity));
                        break;
                    default:
                        stored[entry.Entity] = (Rank(ranks, entry.Metadata), entry);
                        if (entry.State == EntityState.Modified)
                        {
                            changed.Add(entry.Entity);
                        }

                        break;
                }
            }

            if (added.Count == 0 && changed.Count == 0 && ownedChanges.Count == 0)
            {
                return null;
            }

            // Each changed owned value belongs to a row: a new entity's (its INSERT writes it) or a stored one's,
            // which is then updated (and, without a version, its document's column). A value no tracked entity
            // holds any more, or one in columns split into its owner's table, cannot be placed: SaveChanges.
            var documents = new Dictionary<object, HashSet<INavigation>>(ReferenceEqualityComparer.Instance);
            if (ownedChanges.Count > 0)
            {
                var owners = new Dictionary<object, (object Root, INavigation Navigation)>(ReferenceEqualityComparer.Instance);
                foreach (var root in stored.Keys.Concat(added.Select(a => a.Entity)))
                {
                    Own(db.Model.FindEntityType(root.GetType())!, root, root, null, owners);
                }

                foreach (var value in ownedChanges)
                {
                    if (!owners.TryGetValue(value, out var owner))
                    {
                        return null;
                    }

                    if (stored.ContainsKey(owner.Root))
                    {
                        changed.Add(owner.Root);
                        if (!documents.TryGetValue(owner.Root, out var navigations))
                        {
                            documents[owner.Root] = navigations = [];
                        }

                        navigations.Add(owner.Navigation);
                    }
                }
            }

            var rows = new PreparedRows(db);
            var statements = added.Select(a => (a.Rank, Update: false, a.Entity))
                .Concat(changed.Select(c => (stored[c].Rank, Update: true, Entity: c)))
                .OrderBy(s => s.Rank).ThenByDescending(s => s.Update);
            foreach (var (_, update, entity) in statements)
            {
                if (update)
                {
                    var entry = stored[entity].Entry;
                    if (UpdatePlan.IsVersioned(entry.Metadata))
                    {
                        var whole = UpdatePlan.Whole(db, entity.GetType());
                        rows.Update(entity, whole, [.. whole.Tokens.Select(t => entry.Property(t.Name).OriginalValue)]);
                        continue;
                    }

                    var insert = InsertPlan.For(db, entity.GetType());
                    var columns = entry.Properties.Where(p => p.IsModified).Select(p => insert.ColumnOf(p.Metadata)).ToHashSet();
                    foreach (var navigation in documents.GetValueOrDefault(entity) ?? [])
                    {
                        if (insert.DocumentOf(navigation) is not { } column)
                        {
                            return null;
                        }

                        columns.Add(column);
                    }

                    rows.Update(entity, UpdatePlan.Columns(db, entity.GetType(), columns), []);
                }
                else if (!rows.Contains(entity))
                {
                    // An asset's rounds and time limits come with it (after it): only entities not written yet start a row.
                    rows.Add(entity);
                }
            }

            // Exactly the tracked new and changed entities, each once (one reached twice would be written twice).
            var expected = added.Count + changed.Count;
            return rows.Count == expected && rows.Entities.Count == expected
                && added.All(a => rows.Contains(a.Entity)) && changed.All(rows.Contains) ? rows : null;
        }
        catch (NotSupportedException)
        {
            // A shape the plans do not write (a store-generated value, an owned type in a table of its own).
            return null;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private static int Rank(IReadOnlyDictionary<IEntityType, int> ranks, IEntityType type) => ranks.GetValueOrDefault(type, int.MaxValue);

    /// <summary>
    /// Records <paramref name="root"/> as the owner of every owned value reachable from <paramref name="value"/>,
    /// with the root's navigation it is reached through (the column of its document).
    /// </summary>
    private static void Own(IEntityType type, object value, object root, INavigation? through, Dictionary<object, (object Root, INavigation Navigation)> owners)
    {
        foreach (var navigation in type.GetNavigations())
        {
            if (navigation.IsOnDependent || !navigation.TargetEntityType.IsOwned())
            {
                continue;
            }

            var target = navigation.GetGetter().GetClrValue(value);
            IEnumerable children = target switch
            {
                null => Array.Empty<object>(),
                IEnumerable many when navigation.IsCollection => many,
                _ => new[] { target },
            };
            foreach (var child in children)
            {
                owners[child] = (root, through ?? navigation);
                Own(navigation.TargetEntityType, child, root, through ?? navigation, owners);
            }
        }
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
