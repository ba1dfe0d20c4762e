namespace AssetAuction.Domain.Assets;

/// <summary>Resource names of the API (AIP-122): `assets/{id}`, `seizures/{id}`.</summary>
public static class ResourceNames
{
    public const string AssetPrefix = "assets/";
    public const string SeizurePrefix = "seizures/";

    public static string Asset(string id) => AssetPrefix + id;

    public static string Seizure(string id) => SeizurePrefix + id;

    /// <summary>The id in `assets/{id}`, or null when the name is not an asset name.</summary>
    public static string? AssetId(string name) =>
        name.StartsWith(AssetPrefix, StringComparison.Ordinal) && name.Length > AssetPrefix.Length && !name[AssetPrefix.Length..].Contains('/', StringComparison.Ordinal)
            ? name[AssetPrefix.Length..]
            : null;
}
