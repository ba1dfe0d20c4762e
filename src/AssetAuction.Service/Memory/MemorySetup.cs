using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Memory;

internal static class MemorySetup
{
    /// <summary>The idle trim (section "Memory", checked when the host starts) and the request counting it reads.</summary>
    public static IServiceCollection AddAssetAuctionMemory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MemoryTrimOptions>()
            .Bind(configuration.GetSection(MemoryTrimOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MemoryTrimOptions>, Validation>();
        services.AddSingleton<RequestTraffic>();
        services.AddTransient<IStartupFilter, RequestTraffic.Filter>();
        services.AddSingleton<IdleMemoryTrim>();
        services.AddHostedService(provider => provider.GetRequiredService<IdleMemoryTrim>());
        return services;
    }

    /// <summary>Names the first setting out of range, so the start-up failure says what to fix.</summary>
    private sealed class Validation : IValidateOptions<MemoryTrimOptions>
    {
        public ValidateOptionsResult Validate(string? name, MemoryTrimOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
