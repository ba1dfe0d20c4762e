namespace AssetAuction.Service.Data;

/// <summary>
/// An asset as GetAsset and ListAssets answer it: the protobuf bytes of its <c>Asset</c> message, made from the asset
/// whenever a save adds or changes it, in the same transaction (see <see cref="AssetDerivedRows"/>). A read parses
/// these instead of loading the asset's row, its seizure act, rounds and time limits through EF Core and mapping
/// them, which was most of a read's cost (in a profile of GetAsset, EF Core's JSON shaper alone took a fifth of the
/// service's CPU). The bytes are served only while <see cref="Version"/> is the asset's version, so a view that a
/// change failed to remake is never shown: the read then loads the asset as before (see Assets/AssetViews).
/// </summary>
public sealed class AssetView
{
    /// <summary>No asset has this version (they start at 1): a view marked so is never served.</summary>
    public const long Invalid = 0;

    private AssetView()
    {
    }

    public AssetView(string assetId, long version, byte[] proto)
    {
        AssetId = assetId;
        Refresh(version, proto);
    }

    public string AssetId { get; private set; } = "";

    /// <summary>The version of the asset the bytes were made from.</summary>
    public long Version { get; private set; }

    public byte[] Proto { get; private set; } = [];

    public void Refresh(long version, byte[] proto)
    {
        ArgumentNullException.ThrowIfNull(proto);
        Version = version;
        Proto = proto;
    }

    /// <summary>For a change made to an asset that was not loaded whole: its view cannot be remade, so it is not served.</summary>
    public void Invalidate() => Version = Invalid;
}
