using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetAuction.Service.Deadlines;

internal static class DeadlineSetup
{
    /// <summary>The name every node of a Quartz cluster shares (the SCHED_NAME of its rows).</summary>
    public const string SchedulerName = "AssetAuction";

    /// <summary>The key of the sweep's job and trigger.</summary>
    public const string SweepKey = "deadline-sweep";

    /// <summary>
    /// The deadlines' lists, and the deadline watch with its Quartz schedule: once at start-up (what fell due while the service was
    /// down is reported then), then every SweepInterval. On SQLite each process runs its own in-memory
    /// scheduler (Quartz refuses to cluster on SQLite); on SQL Server the processes form one Quartz cluster
    /// on the QRTZ_ tables the migrations create. Either way the row claim keeps each report single.
    /// </summary>
    public static IHostApplicationBuilder AddDeadlines(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DeadlineWatchOptions.Section).Get<DeadlineWatchOptions>() ?? new DeadlineWatchOptions();
        builder.Services.Configure<DeadlineWatchOptions>(builder.Configuration.GetSection(DeadlineWatchOptions.Section));
        builder.Services.AddOptions<StepOptions>().Configure<IOptions<DeadlineWatchOptions>>((steps, watch) =>
            steps.RecordedLateAfterWorkingDays = watch.Value.RecordedLateAfterWorkingDays);
        builder.Services.AddScoped<DeadlineWatch>();
        builder.Services.AddScoped<ListDeadlines>();
        builder.Services.AddScoped<ListBacklog>();
        builder.Services.AddScoped<DeadlineMetrics>();
        builder.Services.AddScoped<DeadlineGrpcService>();
        if (!options.Enabled)
        {
            return builder;
        }

        var database = DatabaseOptions.From(builder.Configuration);
        builder.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            if (database.IsSqlServer)
            {
                q.UseClusteredSqlServerStore(database.ConnectionString, options);
            }

            q.ScheduleSweep<DeadlineSweepJob>(options.SweepInterval);
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder;
    }

    /// <summary>
    /// Quartz's persistent store, clustered, on the service's SQL Server database: the documented
    /// UsePersistentStore / UseSqlServer / UseClustering set-up.
    /// </summary>
    private static void UseClusteredSqlServerStore(this IQuartzBuilder q, string connectionString, DeadlineWatchOptions options) =>
        q.UsePersistentStore(store =>
        {
            store.UseSqlServer(SqlClientFactory.Instance, connectionString);
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = options.ClusterCheckinInterval;
                cluster.CheckinMisfireThreshold = options.ClusterCheckinMisfireThreshold;
            });
            store.UseStoreSettings();
        });

    /// <summary>
    /// The sweep's trigger: at once when nothing has run it yet, then every <paramref name="interval"/>.
    /// In a cluster every node that starts declares the one stored trigger again; the replacement keeps the
    /// old trigger's firing history, so a rolling restart neither sweeps again at once nor resets the cadence.
    /// After an outage longer than the interval the stored trigger has misfired, and FireNow sweeps once at
    /// start-up (the default misfire policy would wait a whole interval). In memory (SQLite) nothing is
    /// stored, so every start sweeps at once.
    /// </summary>
    internal static void ScheduleSweep<TJob>(this IQuartzBuilder q, TimeSpan interval)
        where TJob : IJob
    {
        q.Services.Configure<QuartzOptions>(o => o.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        q.ScheduleJob<TJob>(
            trigger => trigger
                .WithIdentity(SweepKey)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)),
            job => job.WithIdentity(SweepKey));
    }

    /// <summary>
    /// The store settings that do not depend on the database: our QRTZ_ tables, job data as strings (the sweep
    /// job has none), JSON for anything else, and a schema that is validated at start but never created there:
    /// the migrations create it, so the service's account needs no DDL rights at run time.
    /// </summary>
    internal static void UseStoreSettings(this IPersistentStoreBuilder store)
    {
        store.UseSystemTextJsonSerializer();
        store.ConfigureStore(o =>
        {
            o.TablePrefix = QuartzStoreSchema.TablePrefix;
            o.StoreJobDataAsStrings = true;
            o.SchemaProvisioning = SchemaProvisioning.Validate;
        });
    }
}
