namespace AssetAuction.Service.Backlog;

internal static class BacklogSetup
{
    /// <summary>The import of the backlog: assets with their past acts, replayed through each act's own rules.</summary>
    public static IServiceCollection AddBacklog(this IServiceCollection services)
    {
        services.AddScoped<ImportAssets>();
        services.AddSingleton<ImportActs>();
        services.AddSingleton<ImportRecordCheck>();
        services.AddSingleton<ImportChunkWriter>();
        services.AddScoped<AssetImportGrpcService>();
        return services;
    }
}
