using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using Google.Protobuf;

namespace AssetAuction.Service.Assets;

/// <summary>
/// An asset's view is the message GetAsset answers with, as bytes. A change recorded by a pipeline step or a
/// registration has mapped and serialised the asset already (Journal/ChangeLog.Serialized); the write path hands
/// those bytes to <see cref="AssetDerivedRows"/> and they are the view, so this is for every other change.
/// </summary>
internal sealed class AssetViewMaker : IAssetViewMaker
{
    public byte[] Make(Asset asset) => asset.ToProto().ToByteArray();
}
