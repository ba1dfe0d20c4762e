namespace AssetAuction.Domain.Assets;

public enum PartyType
{
    Unspecified = 0,
    Individual = 1,
    Organization = 2,
}

/// <summary>A person or organization: a debtor, an owner, a secured party.</summary>
public sealed class Party
{
    public PartyType Type { get; init; }

    public string FullName { get; init; } = "";

    /// <summary>Citizen identity number or enterprise code.</summary>
    public string IdentityNumber { get; init; } = "";

    public string Address { get; init; } = "";
}
