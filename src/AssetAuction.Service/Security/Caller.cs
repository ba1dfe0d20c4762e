using System.Security.Claims;
using AssetAuction.Domain.Common;
using AssetAuction.Service.Requests;

namespace AssetAuction.Service.Security;

/// <summary>Who is calling: from the validated bearer token, never from the request body.</summary>
public sealed record Caller(string Subject, string Role, string Office, string Organization)
{
    public bool IsSupervisor => Role == Roles.Supervisor;

    /// <summary>The office or organization this caller acts for (what audit entries record).</summary>
    public string Scope => Role == Roles.AuctionOrganization ? Organization : Office;

    public static Caller FromPrincipal(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new Caller(
            user.FindFirstValue(ClaimNames.Subject) ?? "",
            user.FindFirstValue(ClaimNames.Role) ?? "",
            user.FindFirstValue(ClaimNames.Office) ?? "",
            user.FindFirstValue(ClaimNames.Organization) ?? "");
    }

    /// <summary>Supervisors see every office; everyone else only their own.</summary>
    public bool CanSeeOffice(string office) => IsSupervisor || (Office.Length > 0 && Office == office);

    /// <summary>Changes are made only by the office that holds the thing (supervisors read, they do not act).</summary>
    public void EnsureCanChange(string office, string resource)
    {
        if (IsSupervisor || Office != office)
        {
            throw OfficeDenied(office, resource);
        }
    }

    /// <summary>
    /// A resource of another office is answered as not found, exactly like one that does not exist,
    /// so a caller cannot learn which assets other offices hold.
    /// </summary>
    public void EnsureVisible(string office, string resource, string notFoundReason)
    {
        if (!CanSeeOffice(office))
        {
            throw DomainException.NotFound(notFoundReason, resource);
        }
    }

    public void EnsureCanSee(string office, string resource)
    {
        if (!CanSeeOffice(office))
        {
            throw OfficeDenied(office, resource);
        }
    }

    private AccessDeniedException OfficeDenied(string office, string resource) => new(
        ServiceReasons.OfficeNotAllowed,
        $"Your token is for office '{Office}'; {resource} belongs to another office.",
        new Dictionary<string, string> { ["resource"] = resource, ["caller_office"] = Office, ["office"] = office });
}
