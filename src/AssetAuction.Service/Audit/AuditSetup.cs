using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Audit;

internal static class AuditSetup
{
    /// <summary>The audit trail's reading and verification, and the checkpoint keys from the "Audit" section, checked when the host starts.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CheckpointOptions>().Bind(configuration.GetSection(CheckpointOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CheckpointOptions>, CheckpointOptionsValidation>();
        services.AddSingleton<CheckpointKeys>();
        services.AddScoped<AuditCheckpoints>();
        services.AddScoped<ListAuditEntries>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<AuditGrpcService>();
        return services;
    }
}
