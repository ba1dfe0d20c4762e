namespace AssetAuction.Service.Backlog;

internal static class BacklogSetup
{
    /// <summary>The import of the backlog: assets with their past acts, replayed through each act's own rules.</summary>
    public static IServiceCollection AddBacklog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AssetImportOptions>()
            .Bind(configuration.GetSection(AssetImportOptions.Section))
            .Validate(o => o.ChunkRecords is > 0 and <= 1_000, $"{AssetImportOptions.Section}:ChunkRecords must be from 1 to 1000.")
            .Validate(o => o.ChunksInFlight is > 0 and <= 64, $"{AssetImportOptions.Section}:ChunksInFlight must be from 1 to 64.")
            .ValidateOnStart();
        services.AddScoped<ImportAssets>();
        services.AddSingleton<ImportActs>();
        services.AddSingleton<ImportRecordCheck>();
        services.AddSingleton<ImportChunkWriter>();
        services.AddScoped<AssetImportGrpcService>();
        return services;
    }
}
