using System.Reflection;
using AssetAuction.Service.Data;
using AssetAuction.Service.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Quartz.Impl.AdoJobStore;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The SQL Server migrations create Quartz's clustered-store tables from the script Quartz ships. No SQL Server
/// runs here, so the migration is checked as the SQL it generates; the reading of the script is proved against
/// a real database in QuartzPersistentStoreTests (SQLite, Quartz's own schema validation).
/// </summary>
public sealed class QuartzStoreSchemaTests
{
    // The SHA-256 of Quartz 4.7.3's SQL Server script, which the QuartzClusteredStore migration was written against.
    // If a Quartz upgrade changes it, databases migrated earlier need Quartz's upgrade scripts (database/migrations/
    // in the Quartz release) in a new migration; then update this value.
    private const string PinnedSqlServerScriptSha256 = "b081e32e28f49f6900f0dd5cb188278c4f8cbc4a3bfc321d2fc429bf2f85ea55";

    [Fact]
    public void Every_quartz_table_is_dropped_by_the_down_migration()
    {
        var quartzTables = typeof(AdoConstants).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.Name.StartsWith("Table", StringComparison.Ordinal) && f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet();

        Assert.True(quartzTables.Count >= 12, "AdoConstants should name Quartz's tables");
        Assert.Equal(quartzTables.Order(), QuartzStoreSchema.TablesToDrop.Order());
    }

    [Fact]
    public void The_sql_server_migration_creates_every_quartz_table_and_its_down_drops_them()
    {
        using var db = SqlServerContext();
        var migrator = db.GetService<IMigrator>();
        var migration = db.Database.GetMigrations().Single(m => m.EndsWith("_QuartzClusteredStore", StringComparison.Ordinal));
        var previous = db.Database.GetMigrations().TakeWhile(m => m != migration).Last();

        var up = migrator.GenerateScript(previous, migration);
        var down = migrator.GenerateScript(migration, previous);

        foreach (var table in QuartzStoreSchema.TablesToDrop)
        {
            Assert.Contains($"CREATE TABLE QRTZ_{table} (", up, StringComparison.Ordinal);
            Assert.Contains($"DROP TABLE QRTZ_{table};", down, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE TABLE QRTZ_LOCKS", up, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE QRTZ_SCHEDULER_STATE", up, StringComparison.Ordinal);
        Assert.DoesNotContain("{0}", up, StringComparison.Ordinal);
        Assert.DoesNotContain("{1}", up, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sqlite_migrations_have_no_quartz_tables_because_quartz_does_not_cluster_there()
    {
        using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite("Data Source=:memory:").Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.DoesNotContain("QRTZ_", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sql_server_script_is_the_one_the_migration_was_written_against()
    {
        Assert.Equal(PinnedSqlServerScriptSha256, QuartzStoreSchema.SqlServer.Sha256);
    }

    [Fact]
    public void Statements_substitute_the_prefix_and_keep_only_statements()
    {
        var statements = QuartzStoreSchema.SqlServer.Statements("quartz.QRTZ_");

        Assert.All(statements, s => Assert.False(s.StartsWith("-- Quartz.NET schema", StringComparison.Ordinal), "the header is not a statement"));
        Assert.Contains(statements, s => s.Contains("CREATE TABLE quartz.QRTZ_JOB_DETAILS (", StringComparison.Ordinal));
        // Constraint and index names cannot carry the schema qualifier.
        Assert.Contains(statements, s => s.Contains("CONSTRAINT PK_QRTZ_JOB_DETAILS PRIMARY KEY", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("PK_quartz.", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("--;;", StringComparison.Ordinal));
    }

    private static SqlServerAssetAuctionDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<SqlServerAssetAuctionDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
}
