namespace AssetAuction.Service.Organizations;

internal static class OrganizationsSetup
{
    /// <summary>The auction organizations and the view of their auction rounds.</summary>
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.AddScoped<CreateAuctionOrganization>();
        services.AddScoped<GetAuctionOrganization>();
        services.AddScoped<ListAuctionOrganizations>();
        services.AddScoped<ListAuctionRounds>();
        services.AddScoped<StreamAuctionRounds>();
        services.AddScoped<AuctionOrganizationGrpcService>();
        return services;
    }
}
