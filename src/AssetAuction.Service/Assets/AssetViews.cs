using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Assets;

/// <summary>
/// How GetAsset and ListAssets read assets: from their stored views (<see cref="AssetView"/>) when those are current,
/// otherwise by loading them (<see cref="AssetReads"/>) and mapping them, as before views existed. Either way the
/// answer is the same message (<see cref="AssetAnswer"/>); the metric <c>assetauction.asset.reads</c> says which served it.
/// </summary>
internal static class AssetViews
{
    /// <summary>A view the read may serve, with the asset's office for the caller's check.</summary>
    internal sealed record Current(string Office, byte[] Proto);

    /// <summary>
    /// An asset of a page: its view's bytes when they are current, and its id, which the office's own page reads only
    /// for a row without a current view and for the row the next page's token is made from (ViewQueries.OfficePageAsync).
    /// </summary>
    internal sealed record PageRow(string? Id, byte[]? Proto);

    /// <summary>
    /// An asset as a read answers it: its current view's bytes as stored, or the message mapped from the asset as
    /// loaded. The gRPC answer writes the stored bytes as they are (<see cref="WireResponse"/>); the typed one (REST)
    /// parses them.
    /// </summary>
    internal readonly record struct AssetAnswer(byte[]? Stored, Proto.Asset? Made)
    {
        public Proto.Asset ToMessage() => Made ?? Proto.Asset.Parser.ParseFrom(Stored);

        /// <summary>Adds the asset to <paramref name="response"/> as its field <paramref name="field"/>.</summary>
        public void AddTo(WireResponse.Builder response, int field)
        {
            if (Stored is { } bytes)
            {
                response.AddMessage(field, bytes);
            }
            else
            {
                response.AddMessage(field, Made!);
            }
        }
    }

    /// <summary>
    /// The asset named <paramref name="name"/> as GetAsset shows it, or ASSET_NOT_FOUND, also when <paramref name="caller"/>
    /// may not see it.
    /// </summary>
    public static async Task<AssetAnswer> ReadAsync(AssetAuctionDbContext db, string name, Caller caller, CancellationToken ct)
    {
        var id = ResourceNames.AssetId(name) ?? throw DomainException.NotFound(Reasons.AssetNotFound, name);
        if (await ViewQueries.CurrentAsync(db, id, ct) is { } view)
        {
            caller.EnsureVisible(view.Office, name, Reasons.AssetNotFound);
            Served("view");
            return new AssetAnswer(view.Proto, null);
        }

        var asset = await AssetReads.LoadAsync(db, name, caller, ct, tracked: false);
        Served("load");
        return new AssetAnswer(null, asset.ToProto());
    }

    /// <summary>A page of <paramref name="rows"/> (in their order) as ListAssets shows it: their views, and the rest loaded.</summary>
    public static async Task<List<AssetAnswer>> PageAsync(AssetAuctionDbContext db, IReadOnlyList<PageRow> rows, CancellationToken ct)
    {
        var missing = rows.Where(r => r.Proto is null).Select(r => r.Id ?? throw new InvalidOperationException("A page row without a view has no id.")).ToList();
        var loaded = missing.Count == 0
            ? []
            : await AssetReads.WithPipeline(db.Assets.AsNoTracking()).Where(a => missing.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, ct);
        if (rows.Count > missing.Count)
        {
            Served("view", rows.Count - missing.Count);
        }

        if (missing.Count > 0)
        {
            Served("load", missing.Count);
        }

        return [.. rows.Select(r => r.Proto is { } bytes ? new AssetAnswer(bytes, null) : new AssetAnswer(null, loaded[r.Id!].ToProto()))];
    }

    /// <summary>
    /// Remakes the view of the asset with id <paramref name="assetId"/> after a change made without loading it (the
    /// deadline watch marks a time limit reported in one statement). A view that is not current stays as it is.
    /// </summary>
    public static async Task RemakeAsync(AssetAuctionDbContext db, string assetId, CancellationToken ct)
    {
        var asset = await AssetReads.LoadForServiceAsync(db, assetId, ct);
        var bytes = asset.ToProto().ToByteArray();
        await db.Set<AssetView>().Where(v => v.AssetId == assetId && v.Version == asset.Version)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Proto, bytes), ct);
    }

    private static void Served(string by, int count = 1) =>
        Telemetry.AssetAuctionMetrics.AssetReads.Add(count, new KeyValuePair<string, object?>("by", by));
}
