using System.Collections;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

/// <summary>
/// Rows with their values computed, in the order they must be written: new ones (see <see cref="InsertPlan"/>), an
/// entity, then the entities of its non-owned collections (an asset's rounds and time limits) with its key as their
/// foreign key, as EF Core's fix-up would set it; and stored ones' updates (see <see cref="UpdatePlan"/>). Made
/// before the write lock; the batch only runs the statements.
/// </summary>
internal sealed class PreparedRows(DbContext db)
{
    private readonly List<(IRowStatement Statement, object?[] Values)> _rows = [];
    private readonly HashSet<object> _entities = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyList<(IRowStatement Statement, object?[] Values)> Rows => _rows;

    /// <summary>The entities whose rows these are (inserted or updated).</summary>
    public IReadOnlyCollection<object> Entities => _entities;

    /// <summary>Whether <paramref name="entity"/>'s row is here already (added itself, or as a dependent of another).</summary>
    public bool Contains(object entity) => _entities.Contains(entity);

    public int Count => _rows.Count;

    /// <summary>Adds <paramref name="entity"/>'s row and those of its dependents. A principal it depends on must be added first.</summary>
    public void Add(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Add(entity, null);
    }

    /// <summary>Adds <paramref name="other"/>'s rows after these, in their order.</summary>
    public void Append(PreparedRows other)
    {
        ArgumentNullException.ThrowIfNull(other);
        _rows.AddRange(other._rows);
        _entities.UnionWith(other._entities);
    }

    /// <summary>
    /// Adds <paramref name="update"/> of stored <paramref name="entity"/>'s row, checked against its concurrency
    /// tokens' <paramref name="originals"/> (in <see cref="UpdatePlan.Tokens"/> order). Its dependents are not included.
    /// </summary>
    public void Update(object entity, UpdatePlan update, IReadOnlyList<object?> originals)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(update);
        _rows.Add((update, update.Values(InsertPlan.For(db, entity.GetType()), entity, originals)));
        _entities.Add(entity);
    }

    private void Add(object entity, (InsertPlan Plan, object?[] Values, InsertPlan.Dependents Via)? principal)
    {
        var plan = InsertPlan.For(db, entity.GetType());
        var values = plan.Values(entity);
        if (principal is var (principalPlan, principalValues, via))
        {
            foreach (var (dependentProperty, principalProperty) in via.ForeignKey)
            {
                values[plan.ColumnOf(dependentProperty)] = principalValues[principalPlan.ColumnOf(principalProperty)];
            }
        }

        _rows.Add((plan, values));
        _entities.Add(entity);
        foreach (var dependents in plan.DependentRows)
        {
            var value = dependents.Navigation.GetGetter().GetClrValue(entity);
            IEnumerable children = value switch
            {
                null => Array.Empty<object>(),
                IEnumerable many when dependents.Navigation.IsCollection => many,
                _ => new[] { value },
            };
            foreach (var child in children)
            {
                Add(child, (plan, values, dependents));
            }
        }
    }
}
