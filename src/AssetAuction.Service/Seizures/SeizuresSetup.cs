namespace AssetAuction.Service.Seizures;

internal static class SeizuresSetup
{
    /// <summary>The seizure registry: registering, reading, listing and releasing seized assets.</summary>
    public static IServiceCollection AddSeizures(this IServiceCollection services)
    {
        services.AddScoped<RegisterSeizure>();
        services.AddScoped<GetAsset>();
        services.AddScoped<ListAssets>();
        services.AddScoped<ReleaseSeizure>();
        services.AddScoped<SeizureGrpcService>();
        return services;
    }
}
