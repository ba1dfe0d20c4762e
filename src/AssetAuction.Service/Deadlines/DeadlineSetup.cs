using AssetAuction.Service.Data;
using Quartz;

namespace AssetAuction.Service.Deadlines;

internal static class DeadlineSetup
{
    /// <summary>
    /// The deadline watch and its Quartz schedule: once at start-up (what fell due while the service was
    /// down is reported then), then every SweepInterval. Each process runs its own in-memory scheduler
    /// (Quartz cannot cluster on SQLite); the row claim keeps reports single across processes.
    /// </summary>
    public static IHostApplicationBuilder AddAssetAuctionDeadlineWatch(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DeadlineWatchOptions.Section).Get<DeadlineWatchOptions>() ?? new DeadlineWatchOptions();
        builder.Services.Configure<DeadlineWatchOptions>(builder.Configuration.GetSection(DeadlineWatchOptions.Section));
        builder.Services.AddScoped<DeadlineWatch>();
        builder.Services.AddScoped<ListDeadlines>();
        builder.Services.AddScoped<ListBacklog>();
        if (!options.Enabled)
        {
            return builder;
        }

        builder.AddQuartz(q => q.ScheduleJob<DeadlineSweepJob>(trigger => trigger
            .WithIdentity("deadline-sweep")
            .StartNow()
            .WithSimpleSchedule(options.SweepInterval)));
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }
}
