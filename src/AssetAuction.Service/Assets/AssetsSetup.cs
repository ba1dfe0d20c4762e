using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Assets;

internal static class AssetsSetup
{
    /// <summary>
    /// What every area that changes an asset shares: the step contexts, the runner of one change to one asset, and
    /// the rows kept in step with each asset (its statistics fact and read view) on both providers.
    /// </summary>
    public static IServiceCollection AddAssets(this IServiceCollection services)
    {
        services.AddOptions<StepOptions>();
        services.AddSingleton<StepContexts>();
        services.AddScoped<AssetSteps>();
        services.AddSingleton<IAssetViewMaker, AssetViewMaker>();
        services.AddSingleton<AssetDerivedRows>();
        services.ConfigureDbContext<SqliteAssetAuctionDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AssetDerivedRows>()));
        services.ConfigureDbContext<SqlServerAssetAuctionDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AssetDerivedRows>()));
        return services;
    }
}
