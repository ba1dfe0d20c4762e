using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Data;

/// <summary>
/// A hot read written as one plain SQL command on the context's connection, its table and column names (and its
/// parameters' types) taken from the EF Core model, so the mapping stays the single source of truth on both
/// providers. For the reads served on every call (GetAsset, ListAssets), where an EF Core query, even compiled, ran
/// its shaper, diagnostics and a Reflection.Emit delegate per call around a few columns (see Assets/ViewQueries).
/// </summary>
internal static class ModelCommand
{
    /// <summary>The delimited name of <paramref name="clrType"/>'s table.</summary>
    public static string Table(DbContext db, Type clrType)
    {
        var type = Entity(db, clrType);
        return Sql(db).DelimitIdentifier(type.GetTableName()!, type.GetSchema());
    }

    /// <summary>The delimited name of the column <paramref name="property"/> of <paramref name="clrType"/> is stored in.</summary>
    public static string Column(DbContext db, Type clrType, string property)
    {
        var type = Entity(db, clrType);
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        return Sql(db).DelimitIdentifier(Property(type, property).GetColumnName(store)!);
    }

    /// <summary>A parameter for <paramref name="property"/>'s column, typed as EF Core types it (size, unicode).</summary>
    public static Parameter ParameterFor(DbContext db, Type clrType, string property, string name) =>
        new(Sql(db).GenerateParameterName(name), Property(Entity(db, clrType), property).GetRelationalTypeMapping());

    /// <summary>A parameter for a value of <paramref name="clrType"/> that no column holds (a row limit).</summary>
    public static Parameter ParameterOf(DbContext db, Type clrType, string name) =>
        new(Sql(db).GenerateParameterName(name), db.GetService<IRelationalTypeMappingSource>().FindMapping(clrType)
            ?? throw new InvalidOperationException($"The provider has no mapping for {clrType.Name}."));

    /// <summary>
    /// Runs <paramref name="text"/> with <paramref name="values"/> (in <paramref name="parameters"/> order) and reads
    /// its rows with <paramref name="read"/>. The connection is opened through EF Core when it is closed (so the
    /// connection interceptors run, as for any query) and closed again after; a transaction the context has is used.
    /// </summary>
    public static async Task<T> ReadAsync<T>(DbContext db, string text, IReadOnlyList<Parameter> parameters, IReadOnlyList<object> values, Func<DbDataReader, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;

        // A read on its own (no transaction, the context's connection not in use) goes to a kept SQLite connection
        // where its statement stays prepared (SqliteReadPool); inside a transaction it must see the transaction's rows.
        if (opened && db.Database.CurrentTransaction is null && ReadPool(db) is { } pool)
        {
            return await pool.ReadAsync(text, parameters, values, read, ct);
        }

        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = text;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            for (var i = 0; i < parameters.Count; i++)
            {
                command.Parameters.Add(parameters[i].Mapping.CreateParameter(command, parameters[i].Name, values[i], nullable: false));
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>A named parameter and the provider type mapping that makes it.</summary>
    internal sealed record Parameter(string Name, RelationalTypeMapping Mapping);

    private static ISqlGenerationHelper Sql(DbContext db) => db.GetService<ISqlGenerationHelper>();

    /// <summary>The application's pool of kept SQLite read connections, when the context was configured by the application's container on SQLite.</summary>
    private static SqliteReadPool? ReadPool(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(SqliteReadPool)) as SqliteReadPool;

    private static IEntityType Entity(DbContext db, Type clrType) =>
        db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");

    private static IProperty Property(IEntityType type, string name) =>
        type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}.");
}
