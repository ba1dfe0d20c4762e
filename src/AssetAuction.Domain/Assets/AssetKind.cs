namespace AssetAuction.Domain.Assets;

/// <summary>Asset kinds; stored as numbers: append, never renumber.</summary>
public enum AssetKind
{
    LandUseRight = 1,
    House = 2,
    RoadVehicle = 3,
    OtherMovable = 4,
}
