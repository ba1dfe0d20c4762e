namespace AssetAuction.Service.Security;

/// <summary>The office a list looks at: the one asked for, else the caller's own; a supervisor's empty office is every office.</summary>
internal static class OfficeScope
{
    public static string Resolve(string requested, RequestContext context)
    {
        var office = requested.Length > 0 ? requested : context.Caller.IsSupervisor ? "" : context.Caller.Office;
        if (office.Length > 0)
        {
            context.Caller.EnsureCanSee(office, $"offices/{office}");
        }

        return office;
    }
}
