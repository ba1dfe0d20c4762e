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

    /// <summary>
    /// The same person in another role (a round's winner as its sale's buyer, a co-owner as the buyer): each role
    /// holds its own copy, stored with what holds it, so a change to one never reaches the other.
    /// </summary>
    public Party Copy() => new() { Type = Type, FullName = FullName, IdentityNumber = IdentityNumber, Address = Address };
}
