using AssetAuction.Domain.Assets;
using AssetAuction.Service.Data;
using Google.Protobuf;

namespace AssetAuction.Service.Assets;

/// <summary>An asset's view is the message GetAsset answers with, as bytes.</summary>
internal sealed class AssetViewMaker : IAssetViewMaker
{
    public byte[] Make(Asset asset) => asset.ToProto().ToByteArray();
}
