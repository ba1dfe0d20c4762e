using AssetAuction.Service.Data;
using AssetAuction.Service.Deadlines;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// On SQL Server the deadline watch runs on Quartz's clustered persistent store, whose tables our migration
/// creates from the script Quartz ships. No SQL Server runs here, so these tests prove the halves apart:
/// the same reading of Quartz's script (SQLite's, through <see cref="QuartzStoreSchema"/>) gives tables that
/// Quartz's own start-up validation accepts and runs the service's sweep schedule on, with the service's
/// store settings, across restarts and an outage; and the service, configured for SQL Server, asks Quartz
/// for the clustered store on those tables.
/// </summary>
public sealed class QuartzPersistentStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), $"quartz-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={path};Pooling=False";

    [Fact]
    public async Task Quartz_validates_and_runs_a_job_on_the_tables_read_from_its_own_script()
    {
        CreateSchema();
        CreateSchema(); // every statement is guarded: the migration may meet tables that are already there

        var probe = new Probe();
        using var host = QuartzHost(probe);
        await host.StartAsync();
        Assert.True(await probe.Fired.WaitAsync(TimeSpan.FromSeconds(60)), "the sweep schedule fires at once on an empty store");
        await host.StopAsync();

        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM QRTZ_JOB_DETAILS WHERE SCHED_NAME = '{DeadlineSetup.SchedulerName}' AND JOB_NAME = '{DeadlineSetup.SweepKey}'"));
        Assert.Equal(1, Scalar($"SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE SCHED_NAME = '{DeadlineSetup.SchedulerName}' AND TRIGGER_NAME = '{DeadlineSetup.SweepKey}'"));
    }

    [Fact]
    public async Task A_restarted_node_keeps_the_stored_cadence_and_after_an_outage_the_sweep_fires_once_at_start()
    {
        CreateSchema();
        var probe = new Probe();
        using (var first = QuartzHost(probe))
        {
            await first.StartAsync();
            Assert.True(await probe.Fired.WaitAsync(TimeSpan.FromSeconds(60)));
            await first.StopAsync();
        }

        var nextFire = NextFireTime();
        Assert.True(nextFire > TimeProvider.System.GetUtcNow().UtcTicks, "after the first sweep the next one is an interval away");

        // A rolling restart: the node declares the trigger again, which must not reset the cadence to "now".
        using (var restarted = QuartzHost(probe))
        {
            await restarted.StartAsync();
            Assert.Equal(nextFire, NextFireTime());
            await restarted.StopAsync();
        }

        // The whole cluster was down for an interval and a half: the stored trigger has misfired, and the next point of its cadence is half an interval away.
        Execute($"UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = NEXT_FIRE_TIME - {TimeSpan.FromMinutes(90).Ticks}, PREV_FIRE_TIME = PREV_FIRE_TIME - {TimeSpan.FromMinutes(90).Ticks} WHERE TRIGGER_NAME = '{DeadlineSetup.SweepKey}'");
        using (var afterOutage = QuartzHost(probe))
        {
            await afterOutage.StartAsync();
            Assert.True(await probe.Fired.WaitAsync(TimeSpan.FromSeconds(60)), "the misfired sweep runs at start-up");
            await afterOutage.StopAsync();
        }

        Assert.True(NextFireTime() > TimeProvider.System.GetUtcNow().UtcTicks);
    }

    [Fact]
    public async Task Quartz_refuses_to_start_when_a_table_is_missing()
    {
        CreateSchema();
        Execute("DROP TABLE QRTZ_LOCKS");

        using var host = QuartzHost(new Probe());
        var error = await Assert.ThrowsAnyAsync<SchedulerException>(() => host.StartAsync());

        Assert.Contains("schema validation failed under table prefix 'QRTZ_'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_sql_server_the_service_asks_quartz_for_the_clustered_store_on_the_migrated_tables()
    {
        using var host = ServiceHost(new()
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:ConnectionString"] = "Server=sql.invalid;Database=AssetAuction;User Id=app;Password=unused;TrustServerCertificate=True;Connect Timeout=3",
            ["Deadlines:ClusterCheckinInterval"] = "00:00:20",
        });

        var clustering = host.Services.GetRequiredService<IOptionsMonitor<ClusteringOptions>>().CurrentValue;
        var store = host.Services.GetRequiredService<IOptionsMonitor<AdoJobStoreOptions>>().CurrentValue;
        Assert.True(clustering.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(20), clustering.CheckinInterval);
        Assert.Equal(QuartzStoreSchema.TablePrefix, store.TablePrefix);
        Assert.Equal(SchemaProvisioning.Validate, store.SchemaProvisioning);

        var scheduler = host.Services.GetRequiredService<IOptionsMonitor<QuartzSchedulerOptions>>().CurrentValue;
        Assert.Equal(DeadlineSetup.SchedulerName, scheduler.InstanceName);
        Assert.True(scheduler.GenerateInstanceId, "each node of the cluster needs its own instance id");

        // The scheduler's first act is to validate those tables on SQL Server: with no server there it cannot, and says so.
        var factory = host.Services.GetRequiredService<ISchedulerFactory>();
        var error = await Assert.ThrowsAsync<SchedulerException>(() => factory.GetScheduler().AsTask());
        Assert.Contains(Causes(error), e => e is Microsoft.Data.SqlClient.SqlException);
    }

    [Fact]
    public async Task On_sqlite_each_process_runs_its_own_in_memory_scheduler()
    {
        using var host = ServiceHost(new() { ["Database:Provider"] = "Sqlite" });

        Assert.False(host.Services.GetRequiredService<IOptionsMonitor<ClusteringOptions>>().CurrentValue.Enabled);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        Assert.False(metadata.JobStorePersistent);
        Assert.False(metadata.JobStoreClustered);
        Assert.Equal(DeadlineSetup.SchedulerName, metadata.SchedulerName);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(path);
    }

    private void CreateSchema()
    {
        foreach (var statement in QuartzStoreSchema.Sqlite.Statements())
        {
            Execute(statement);
        }
    }

    private IHost QuartzHost(Probe probe)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(probe);
        builder.Services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = DeadlineSetup.SchedulerName);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(SqliteFactory.Instance, ConnectionString);
                store.UseStoreSettings();
            });
            q.ScheduleSweep<ProbeJob>(TimeSpan.FromHours(1));
        });
        builder.Services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return builder.Build();
    }

    private static IHost ServiceHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddDeadlines();
        return builder.Build();
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    private long NextFireTime() =>
        Scalar($"SELECT NEXT_FIRE_TIME FROM QRTZ_TRIGGERS WHERE SCHED_NAME = '{DeadlineSetup.SchedulerName}' AND TRIGGER_NAME = '{DeadlineSetup.SweepKey}'");

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    internal sealed class Probe
    {
        public SemaphoreSlim Fired { get; } = new(0);
    }

    internal sealed class ProbeJob(Probe probe) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            probe.Fired.Release();
            return ValueTask.CompletedTask;
        }
    }
}
