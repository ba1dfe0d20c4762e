using System.Collections.Concurrent;
using System.Data;
using System.Runtime.CompilerServices;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Assets;

/// <summary>
/// GetAsset's one statement: an asset's current view (<see cref="AssetView"/> at its asset's version) with the
/// asset's office, run as a plain command on the context's connection. It was an EF Core compiled query, whose
/// execution still made a delegate with Reflection.Emit on every call (DynamicMethod.CreateDelegate: 3.5% of
/// GetAsset's CPU in a profile) and ran EF Core's shaper and diagnostics around one row of two columns: 13% in all.
/// Table and column names, and the key's parameter, come from the EF model, so the mapping stays the single
/// source of truth on both providers; AssetViewTests compare what the reads serve with the asset as it is loaded.
/// </summary>
internal static class CurrentViewQuery
{
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = [];

    /// <summary>The view's bytes and the asset's office, or null when the asset has no current view (or does not exist).</summary>
    public static async Task<AssetViews.Current?> ReadAsync(AssetAuctionDbContext db, string assetId, CancellationToken ct)
    {
        var statement = Statements.GetValue(db.Model, _ => Statement.Build(db));
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            // Through EF Core, so the connection interceptors (SQLite's per-connection settings) run as for any query.
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement.Text;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.Parameters.Add(statement.Key.CreateParameter(command, statement.KeyParameter, assetId, nullable: false));
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct);
            return await reader.ReadAsync(ct) ? new AssetViews.Current(reader.GetString(0), (byte[])reader.GetValue(1)) : null;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed record Statement(string Text, RelationalTypeMapping Key, string KeyParameter)
    {
        public static Statement Build(DbContext db)
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            var views = db.Model.FindEntityType(typeof(AssetView))!;
            var assets = db.Model.FindEntityType(typeof(Domain.Assets.Asset))!;
            string Table(IEntityType type) => sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema());
            string Column(IEntityType type, string property) =>
                sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()))!);

            var key = views.FindProperty(nameof(AssetView.AssetId))!;
            var parameter = sql.GenerateParameterName("id");

            // The view's key is the asset's: at most one row, on both providers without a row limit.
            var text = $"SELECT a.{Column(assets, "Office")}, v.{Column(views, nameof(AssetView.Proto))} "
                + $"FROM {Table(views)} AS v INNER JOIN {Table(assets)} AS a "
                + $"ON a.{Column(assets, "Id")} = v.{Column(views, nameof(AssetView.AssetId))} AND a.{Column(assets, "Version")} = v.{Column(views, nameof(AssetView.Version))} "
                + $"WHERE v.{Column(views, nameof(AssetView.AssetId))} = {parameter}";
            return new Statement(text, key.GetRelationalTypeMapping(), parameter);
        }
    }
}
