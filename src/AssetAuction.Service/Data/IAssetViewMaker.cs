using AssetAuction.Domain.Assets;

namespace AssetAuction.Service.Data;

/// <summary>
/// Makes an asset's view bytes (<see cref="AssetView"/>). The mapping to protobuf belongs to the Assets area, which
/// depends on this one, so the data layer asks for it through this interface (Assets/AssetViewMaker).
/// </summary>
public interface IAssetViewMaker
{
    /// <summary>The bytes of <paramref name="asset"/>'s message; the asset must be loaded whole (seizure act, rounds, time limits).</summary>
    byte[] Make(Asset asset);
}
