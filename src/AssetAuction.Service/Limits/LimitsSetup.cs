using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace AssetAuction.Service.Limits;

internal static class LimitsSetup
{
    /// <summary>Connection, stream and message limits from the "Limits" section, checked when the host starts.</summary>
    public static IServiceCollection AddAssetAuctionLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerLimitsOptions>()
            .Bind(configuration.GetSection(ServerLimitsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerLimitsOptions>, Validation>();
        services.AddSingleton<StreamQuota>();
        services.AddOptions<GrpcServiceOptions>().Configure<IOptions<ServerLimitsOptions>>((grpc, limits) =>
        {
            grpc.MaxReceiveMessageSize = limits.Value.MaxRequestMessageBytes;
            grpc.Interceptors.Add<StreamQuotaInterceptor>();
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConcurrentConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = limits.MaxConcurrentConnections;
            kestrel.Limits.Http2.MaxStreamsPerConnection = limits.MaxStreamsPerConnection;
            kestrel.Limits.KeepAliveTimeout = limits.IdleConnectionTimeout;
            kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
            kestrel.Limits.Http2.KeepAlivePingDelay = limits.KeepAlivePingDelay;
            kestrel.Limits.Http2.KeepAlivePingTimeout = limits.KeepAlivePingTimeout;
        });
        return services;
    }

    /// <summary>Names the first setting out of range, so the start-up failure says what to fix.</summary>
    private sealed class Validation : IValidateOptions<ServerLimitsOptions>
    {
        public ValidateOptionsResult Validate(string? name, ServerLimitsOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
