using System.Data.Common;
using System.Runtime.CompilerServices;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using DomainAsset = AssetAuction.Domain.Assets.Asset;

namespace AssetAuction.Service.Assets;

/// <summary>
/// The reads' statements over the stored views (<see cref="AssetView"/>), each one plain command made from the
/// model (<see cref="ModelCommand"/>): GetAsset's current view with its asset's office, and ListAssets' page of an
/// office's assets, newest first, each with its current view. They were EF Core compiled queries, whose execution
/// still made a delegate with Reflection.Emit on every call (DynamicMethod.CreateDelegate: 3.5% of GetAsset's CPU
/// in a profile, 2.1% of ListAssets') and ran EF Core's shaper and diagnostics around a few columns: 13% of
/// GetAsset's CPU in all, 12% of ListAssets'. A view is served only at its asset's version, as before; AssetViewTests
/// compare what the reads serve with the asset as it is loaded.
/// </summary>
internal static class ViewQueries
{
    private static readonly ConditionalWeakTable<IModel, Statements> Made = [];

    /// <summary>The view's bytes and the asset's office, or null when the asset has no current view (or does not exist).</summary>
    public static Task<AssetViews.Current?> CurrentAsync(AssetAuctionDbContext db, string assetId, CancellationToken ct)
    {
        var s = For(db);
        return ModelCommand.ReadAsync(db, s.Current, [s.Id], [assetId], static async (reader, ct) =>
            await reader.ReadAsync(ct) ? new AssetViews.Current(reader.GetString(0), (byte[])reader.GetValue(1)) : null, ct);
    }

    /// <summary>
    /// Up to <paramref name="take"/> of the office's assets, newest first (ids below <paramref name="after"/> when it
    /// is given), each with its view's bytes when the view is current; the id only where it is used (<see cref="ReadPageAsync"/>).
    /// </summary>
    public static Task<List<AssetViews.PageRow>> OfficePageAsync(AssetAuctionDbContext db, string office, string? after, int take, CancellationToken ct)
    {
        // A page of at least one row, plus the one that says whether another follows (see ReadPageAsync).
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, MaxTake);
        var s = For(db);
        List<ModelCommand.Parameter> parameters = after is null ? [s.Office] : [s.Office, s.After];
        List<object> values = after is null ? [office] : [office, after];
        if (s.Take is { } limit)
        {
            parameters.Add(limit);
            values.Add(take);
        }

        return ModelCommand.ReadAsync(db, after is null ? s.FirstPage : s.NextPage, parameters, values, (reader, ct) => ReadPageAsync(reader, take, ct), ct);
    }

    /// <summary>The most rows a page statement is asked for: the largest page and the one that says whether another follows.</summary>
    public const int MaxTake = Grpc.PageToken.MaxPageSize + 1;

    /// <summary>The statements' text on <paramref name="db"/>'s provider: the current view, an office's first page, a later page (for tests).</summary>
    internal static (string Current, string FirstPage, string NextPage) Texts(AssetAuctionDbContext db)
    {
        var s = For(db);
        return (s.Current, s.FirstPage, s.NextPage);
    }

    /// <summary>
    /// Up to <paramref name="take"/> rows. A row's id is read only where it is used: a row without a current view
    /// (its asset is loaded by it) and the page's last row when another may follow (the next page's token, the row
    /// before the one that says so). Reading every id, as text, was 6-9% of ListAssets' service CPU (`reads` at 64
    /// in flight, alternating A/B); the view's bytes are read as bytes, without the type dispatch of GetValue.
    /// </summary>
    private static async Task<List<AssetViews.PageRow>> ReadPageAsync(DbDataReader reader, int take, CancellationToken ct)
    {
        var rows = new List<AssetViews.PageRow>(take);
        while (rows.Count < take && await reader.ReadAsync(ct))
        {
            var proto = reader.IsDBNull(1) ? null : reader.GetFieldValue<byte[]>(1);
            rows.Add(new AssetViews.PageRow(proto is null || rows.Count == take - 2 ? reader.GetString(0) : null, proto));
        }

        return rows;
    }

    private static Statements For(AssetAuctionDbContext db) => Made.GetValue(db.Model, _ => Statements.Build(db));

    /// <param name="Take">The page's row limit as a parameter (SQL Server); null where the limit is written in the statement (SQLite).</param>
    private sealed record Statements(string Current, string FirstPage, string NextPage, ModelCommand.Parameter Id, ModelCommand.Parameter Office, ModelCommand.Parameter After, ModelCommand.Parameter? Take)
    {
        public static Statements Build(AssetAuctionDbContext db)
        {
            string Asset(string property) => "a." + ModelCommand.Column(db, typeof(DomainAsset), property);
            string View(string property) => "v." + ModelCommand.Column(db, typeof(AssetView), property);
            var id = ModelCommand.ParameterFor(db, typeof(AssetView), nameof(AssetView.AssetId), "id");
            var office = ModelCommand.ParameterFor(db, typeof(DomainAsset), nameof(DomainAsset.Office), "office");
            var after = ModelCommand.ParameterFor(db, typeof(DomainAsset), nameof(DomainAsset.Id), "after");
            var take = ModelCommand.ParameterOf(db, typeof(int), "take");
            var views = ModelCommand.Table(db, typeof(AssetView));
            var assets = ModelCommand.Table(db, typeof(DomainAsset));
            var atVersion = $"{Asset("Id")} = {View(nameof(AssetView.AssetId))} AND {Asset("Version")} = {View(nameof(AssetView.Version))}";

            // The view's key is the asset's: at most one row, on both providers without a row limit.
            var current = $"SELECT {Asset("Office")}, {View(nameof(AssetView.Proto))} FROM {views} AS v INNER JOIN {assets} AS a ON {atVersion} "
                + $"WHERE {View(nameof(AssetView.AssetId))} = {id.Name}";

            // Newest first by the time-ordered id, on the (Office, Id, Version) index; an asset without a current view
            // has a null there. SQLite plans a LIMIT given as a parameter with the value bound at the time, and so
            // prepares the statement again (parse and plan) each time that parameter is bound, on every call: its limit
            // is written in the statement as the largest a page asks for, and the reader stops at the page's rows (the
            // index gives them in order, so no more are read). That cut ListAssets' service CPU per page by about a
            // quarter (116-124 to 85-88 µs, `reads` at 64 in flight, alternating A/B); KeptStatementsTests.
            var sqlServer = db.Database.IsSqlServer();
            string Page(string where)
            {
                var (top, limit) = sqlServer ? ($"TOP({take.Name}) ", "") : ("", $" LIMIT {MaxTake}");
                return $"SELECT {top}{Asset("Id")}, {View(nameof(AssetView.Proto))} FROM {assets} AS a LEFT JOIN {views} AS v ON {atVersion} "
                    + $"WHERE {where} ORDER BY {Asset("Id")} DESC{limit}";
            }

            var first = Page($"{Asset("Office")} = {office.Name}");
            var next = Page($"{Asset("Office")} = {office.Name} AND {Asset("Id")} < {after.Name}");
            return new Statements(current, first, next, id, office, after, sqlServer ? take : null);
        }
    }
}
