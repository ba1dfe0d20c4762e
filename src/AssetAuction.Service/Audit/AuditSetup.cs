using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Audit;

internal static class AuditSetup
{
    /// <summary>The checkpoint keys from the "Audit" section, checked when the host starts.</summary>
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckpointOptions>().Bind(configuration.GetSection(CheckpointOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckpointOptions>, CheckpointOptionsValidation>();
        services.AddSingleton<CheckpointKeys>();
        services.AddScoped<AuditCheckpoints>();
        return services;
    }
}
