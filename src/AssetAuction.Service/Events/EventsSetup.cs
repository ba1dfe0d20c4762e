namespace AssetAuction.Service.Events;

internal static class EventsSetup
{
    /// <summary>The event feed (section "Events"): the stream, its tail, and the per-process watermark that wakes it.</summary>
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventFeedOptions>(configuration.GetSection(EventFeedOptions.Section));
        services.AddScoped<EventTail>();
        services.AddHostedService<EventWatermark>();
        services.AddScoped<StreamEvents>();
        services.AddScoped<EventGrpcService>();
        return services;
    }
}
