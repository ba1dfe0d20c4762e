namespace AssetAuction.Domain.Organizations;

/// <summary>A licensed auction organization (tổ chức đấu giá tài sản, LDGTS art. 22-23).</summary>
public sealed class AuctionOrganization
{
    private AuctionOrganization()
    {
    }

    public AuctionOrganization(string id, string displayName, string licenceNumber, string address, string contact, DateTimeOffset now)
    {
        Id = id;
        DisplayName = displayName;
        LicenceNumber = licenceNumber;
        Address = address;
        Contact = contact;
        CreateTime = now;
        Version = 1;
    }

    public const string NamePrefix = "auctionOrganizations/";

    public string Id { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public string LicenceNumber { get; private set; } = "";

    public string Address { get; private set; } = "";

    public string Contact { get; private set; } = "";

    public DateTimeOffset CreateTime { get; private set; }

    public long Version { get; private set; }

    public string Name => NamePrefix + Id;

    public static string? IdOf(string name) =>
        name.StartsWith(NamePrefix, StringComparison.Ordinal) && name.Length > NamePrefix.Length && !name[NamePrefix.Length..].Contains('/', StringComparison.Ordinal)
            ? name[NamePrefix.Length..]
            : null;
}
