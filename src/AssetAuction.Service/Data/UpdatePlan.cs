using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Data;

/// <summary>
/// The UPDATE of a stored entity's row, made from the model (the columns <see cref="InsertPlan"/> writes).
/// - An entity with a concurrency token (an asset's version) has its whole row rewritten (its columns, its
///   table-split owned types', its owned types' JSON documents) where its key is and its tokens still hold their
///   original values: a write that lost a race changes nothing and is retried or refused, as with EF Core's
///   SaveChanges. Its text never changes, so it is prepared once.
/// - An entity without one (a round, a time limit) gets only the columns that changed, as EF Core writes them: no
///   version guards its row, and another writer may change its other columns meanwhile (the deadline watch marks a
///   time limit reported without touching its asset), which a whole-row rewrite from an older read would undo.
/// </summary>
internal sealed class UpdatePlan : IRowStatement
{
    private static readonly ConcurrentDictionary<(InsertPlan, string), UpdatePlan> Plans = new();

    // For each parameter, the InsertPlan column its value comes from, or -1 - i for the original value of token i.
    private readonly int[] _sources;

    private UpdatePlan(string text, IReadOnlyList<InsertPlan.Column> parameters, int[] sources, IReadOnlyList<IProperty> tokens)
    {
        Text = text;
        Parameters = parameters;
        _sources = sources;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<InsertPlan.Column> Parameters { get; }

    public bool MustChangeOneRow => true;

    /// <summary>The concurrency tokens whose original values the WHERE clause compares, in this order.</summary>
    public IReadOnlyList<IProperty> Tokens { get; }

    /// <summary>Whether <paramref name="type"/>'s rows are guarded by a concurrency token (and so rewritten whole).</summary>
    public static bool IsVersioned(IEntityType type) => TokensOf(type).Any();

    private static IEnumerable<IProperty> TokensOf(IEntityType type) => type.GetProperties().Where(p => p.IsConcurrencyToken && !p.IsPrimaryKey());

    /// <summary>The whole-row UPDATE of a versioned type.</summary>
    public static UpdatePlan Whole(DbContext db, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var insert = InsertPlan.For(db, clrType);
        return Plans.TryGetValue((insert, ""), out var plan)
            ? plan
            : Plans.GetOrAdd((insert, ""), _ => Build(db.Model.FindEntityType(clrType)!, db.GetService<ISqlGenerationHelper>(), insert, null));
    }

    /// <summary>The UPDATE of only <paramref name="columns"/> (InsertPlan column indexes) of a type without a version.</summary>
    public static UpdatePlan Columns(DbContext db, Type clrType, IReadOnlyCollection<int> columns)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        var insert = InsertPlan.For(db, clrType);
        var set = columns.Order().ToList();
        var key = (insert, string.Join(",", set));
        return Plans.TryGetValue(key, out var plan)
            ? plan
            : Plans.GetOrAdd(key, _ => Build(db.Model.FindEntityType(clrType)!, db.GetService<ISqlGenerationHelper>(), insert, set));
    }

    /// <summary>The parameters' values from <paramref name="entity"/>, and the tokens' <paramref name="originals"/> (as the entity has them).</summary>
    public object?[] Values(InsertPlan insert, object entity, IReadOnlyList<object?> originals)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(originals);

        // Only the columns this statement sets: a round's changed state does not serialise its JSON documents too.
        var values = new object?[_sources.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (_sources[i] >= 0)
            {
                values[i] = insert.Value(entity, _sources[i]);
                continue;
            }

            var token = -1 - _sources[i];
            var converter = Tokens[token].GetRelationalTypeMapping().Converter;
            values[i] = originals[token] is { } v && converter is not null ? converter.ConvertToProvider(v) : originals[token];
        }

        return values;
    }

    private static UpdatePlan Build(IEntityType type, ISqlGenerationHelper sql, InsertPlan insert, List<int>? only)
    {
        var key = type.FindPrimaryKey()!.Properties;
        var keyColumns = key.Select(insert.ColumnOf).ToList();
        var tokens = only is null ? TokensOf(type).ToList() : [];
        if (tokens.Any(t => t.IsNullable))
        {
            throw new NotSupportedException($"{type.DisplayName()} has a nullable concurrency token, which UpdatePlan does not compare.");
        }

        var setColumns = (only ?? Enumerable.Range(0, insert.Columns.Count)).Where(i => !keyColumns.Contains(i)).ToList();
        if (setColumns.Count == 0)
        {
            throw new NotSupportedException($"An UPDATE of {type.DisplayName()} with no column to set.");
        }

        var parameters = new List<InsertPlan.Column>();
        var sources = new List<int>();
        string Bind(int column)
        {
            parameters.Add(insert.Columns[column]);
            sources.Add(column);
            return $"{sql.DelimitIdentifier(insert.Columns[column].Name)} = {insert.Columns[column].Parameter}";
        }

        var set = setColumns.Select(Bind).ToList();
        var where = keyColumns.Select(Bind).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var column = insert.Columns[insert.ColumnOf(tokens[i])];
            var original = column with { Parameter = sql.GenerateParameterName($"o{i}") };
            parameters.Add(original);
            sources.Add(-1 - i);
            where.Add($"{sql.DelimitIdentifier(column.Name)} = {original.Parameter}");
        }

        var table = sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        return new UpdatePlan($"UPDATE {table} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}", parameters, [.. sources], tokens);
    }
}
