using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Data;

/// <summary>A statement of a prepared write: its SQL, its parameters in value order, and whether it must change exactly one row.</summary>
internal interface IRowStatement
{
    string Text { get; }

    IReadOnlyList<InsertPlan.Column> Parameters { get; }

    /// <summary>An UPDATE that finds no row (another write changed its version, or removed it) is a lost race, as in EF Core.</summary>
    bool MustChangeOneRow { get; }
}

/// <summary>
/// The UPDATE that rewrites a stored entity's whole row (every column <see cref="InsertPlan"/> writes: its own, its
/// table-split owned types' and its owned types' JSON documents) where its key is, and where its concurrency tokens
/// (an asset's version) still hold their original values, so a write that lost a race changes nothing and is retried
/// or refused as EF Core's SaveChanges would have it. Rewriting the whole row costs a little more SQL than EF Core's
/// changed columns, but its text never changes, so it is prepared once.
/// </summary>
internal sealed class UpdatePlan : IRowStatement
{
    private static readonly ConcurrentDictionary<InsertPlan, UpdatePlan> Plans = new();

    private UpdatePlan(string text, IReadOnlyList<InsertPlan.Column> parameters, IReadOnlyList<IProperty> tokens)
    {
        Text = text;
        Parameters = parameters;
        Tokens = tokens;
    }

    public string Text { get; }

    public IReadOnlyList<InsertPlan.Column> Parameters { get; }

    public bool MustChangeOneRow => true;

    /// <summary>The concurrency tokens whose original values follow the row's values, in this order.</summary>
    public IReadOnlyList<IProperty> Tokens { get; }

    public static UpdatePlan For(DbContext db, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        var insert = InsertPlan.For(db, clrType);
        return Plans.TryGetValue(insert, out var plan)
            ? plan
            : Plans.GetOrAdd(insert, i => Build(db.Model.FindEntityType(clrType)!, db.GetService<ISqlGenerationHelper>(), i));
    }

    /// <summary>The row's values from <paramref name="entity"/>, then the tokens' <paramref name="originals"/> (as the entity has them).</summary>
    public object?[] Values(InsertPlan insert, object entity, IReadOnlyList<object?> originals)
    {
        ArgumentNullException.ThrowIfNull(insert);
        var row = insert.Values(entity);
        var values = new object?[row.Length + Tokens.Count];
        row.CopyTo(values, 0);
        for (var i = 0; i < Tokens.Count; i++)
        {
            var converter = Tokens[i].GetRelationalTypeMapping().Converter;
            values[row.Length + i] = originals[i] is { } v && converter is not null ? converter.ConvertToProvider(v) : originals[i];
        }

        return values;
    }

    private static UpdatePlan Build(IEntityType type, ISqlGenerationHelper sql, InsertPlan insert)
    {
        var key = type.FindPrimaryKey()!.Properties;
        var tokens = type.GetProperties().Where(p => p.IsConcurrencyToken && !key.Contains(p)).ToList();
        if (tokens.Any(t => t.IsNullable))
        {
            throw new NotSupportedException($"{type.DisplayName()} has a nullable concurrency token, which UpdatePlan does not compare.");
        }

        var keyColumns = key.Select(insert.ColumnOf).ToHashSet();
        var set = insert.Columns.Where((_, i) => !keyColumns.Contains(i)).Select(c => $"{sql.DelimitIdentifier(c.Name)} = {c.Parameter}");
        var where = key.Select(p => insert.Columns[insert.ColumnOf(p)]).Select(c => $"{sql.DelimitIdentifier(c.Name)} = {c.Parameter}").ToList();
        var parameters = insert.Columns.ToList();
        foreach (var token in tokens)
        {
            var column = insert.Columns[insert.ColumnOf(token)];
            var original = column with { Parameter = sql.GenerateParameterName($"o{parameters.Count}") };
            parameters.Add(original);
            where.Add($"{sql.DelimitIdentifier(column.Name)} = {original.Parameter}");
        }

        var table = sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
        return new UpdatePlan($"UPDATE {table} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}", parameters, tokens);
    }
}
