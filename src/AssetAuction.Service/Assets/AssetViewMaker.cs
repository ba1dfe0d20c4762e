using System.Runtime.CompilerServices;
using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using Google.Protobuf;
using Proto = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Assets;

/// <summary>
/// An asset's view is the message GetAsset answers with, as bytes. A change recorded by a pipeline step has mapped
/// and serialised the asset already, for its response (<see cref="Recorded"/>); the view is those bytes, while the
/// asset is still at the version they were made at. Mapping and serialising a long history again was, with the
/// response's own serialisation, the largest part of a step's cost that grows with the history.
/// </summary>
internal sealed class AssetViewMaker : IAssetViewMaker
{
    // By the asset object itself: an entry lives as long as the loaded asset does.
    private static readonly ConditionalWeakTable<Asset, Serialized> Made = [];

    /// <summary>
    /// Serialises <paramref name="message"/>, the asset's message as the change leaves it, once: the bytes serve as its
    /// view and inside the response (<see cref="SerializedResponses"/>). Nothing may change the message afterwards.
    /// </summary>
    public static void Recorded(Asset asset, Proto.Asset message)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(message);
        var bytes = message.ToByteArray();
        SerializedResponses.Remember(message, bytes);
        Made.AddOrUpdate(asset, new Serialized(asset.Version, bytes));
    }

    public byte[] Make(Asset asset) =>
        Made.TryGetValue(asset, out var made) && made.Version == asset.Version // every change moves the version
            ? made.Bytes
            : asset.ToProto().ToByteArray();

    private sealed record Serialized(long Version, byte[] Bytes);
}
