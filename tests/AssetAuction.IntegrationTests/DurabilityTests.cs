using AssetAuction.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

/// <summary>An acknowledged write is on disk: the service's SQLite connections run with synchronous=FULL.</summary>
public sealed class DurabilityTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_services_sqlite_connections_run_in_wal_with_synchronous_full()
    {
        var (journal, synchronous) = await service.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var mode = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            return (mode, (long)(await command.ExecuteScalarAsync())!);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // 2 = FULL (1 would be NORMAL)
    }

    [Fact]
    public async Task The_services_sqlite_connections_keep_the_savepoints_journal_in_memory()
    {
        // Group commit gives each mutation of a batch its own savepoint, and SQLite copies every page a savepoint
        // changes into the statement journal: in a temporary file (two write calls per page) unless temp_store is
        // MEMORY. A RegisterSeizure batch wrote 165 KB per write with it in a file, 41 KB in memory.
        var tempStore = await service.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA temp_store";
            return (long)(await command.ExecuteScalarAsync())!;
        });
        Assert.Equal(2, tempStore); // 2 = MEMORY (0 is the default, a file)
    }
}
