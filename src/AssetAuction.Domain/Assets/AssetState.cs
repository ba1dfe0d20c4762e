namespace AssetAuction.Domain.Assets;

/// <summary>Where a seized asset stands. Values are stored as numbers: append, never renumber.</summary>
public enum AssetState
{
    Seized = 1,
    Released = 2,
}
