namespace AssetAuction.Service.Assets;

internal static class AssetsSetup
{
    /// <summary>What every area that changes an asset shares: the step contexts and the runner of one change to one asset.</summary>
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddOptions<StepOptions>();
        services.AddSingleton<StepContexts>();
        services.AddScoped<AssetSteps>();
        return services;
    }
}
