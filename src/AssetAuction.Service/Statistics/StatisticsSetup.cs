using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Statistics;

internal static class StatisticsSetup
{
    /// <summary>The working-year statistics: the office directory and the report handlers (the facts are kept by AssetDerivedRows, see AssetsSetup).</summary>
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(OfficeDirectory.From(configuration));
        services.AddOptions<StatisticsOptions>().Bind(configuration.GetSection(StatisticsOptions.Section));
        services.AddSingleton<OfficePartialCache>();
        services.AddHostedService<ReportWarmUp>();
        services.AddScoped<ReportBuilder>();
        services.AddScoped<GetWorkingYearReport>();
        services.AddScoped<FreezeWorkingYearReport>();
        services.AddScoped<ExportWorkingYearReport>();
        services.AddScoped<ListOffices>();
        services.AddScoped<StatisticsGrpcService>();
        return services;
    }
}
