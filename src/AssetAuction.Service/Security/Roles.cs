namespace AssetAuction.Service.Security;

/// <summary>The roles a token's "role" claim may carry.</summary>
public static class Roles
{
    /// <summary>A case management system acting for enforcement officers.</summary>
    public const string CaseManagement = "case_management";

    /// <summary>A licensed auction organization.</summary>
    public const string AuctionOrganization = "auction_organization";

    /// <summary>Finance staff of an enforcement office.</summary>
    public const string Finance = "finance";

    /// <summary>Supervisors and inspectors: read everything.</summary>
    public const string Supervisor = "supervisor";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { CaseManagement, AuctionOrganization, Finance, Supervisor };
}

/// <summary>Claim names in our tokens.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>Enforcement office code (for case management, finance, supervisors of one office).</summary>
    public const string Office = "office";

    /// <summary>Auction organization id (for the auction organization role).</summary>
    public const string Organization = "org";
}
