using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// The plain reads made on every call run on kept SQLite connections with their statements prepared (SqliteReadPool):
/// the service's reads go there, see every commit made before them, never write, and a read that fails does not leave
/// its connection behind for the next one.
/// </summary>
public sealed class SqliteReadPoolTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    [Fact]
    public async Task GetAsset_and_ListAssets_read_on_kept_connections_and_see_each_commit_before_them()
    {
        var pool = service.Services.GetRequiredService<SqliteReadPool>();
        var p = await PipelineDriver.SeizeAsync(service);
        var seized = p.Asset;

        var read = (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = seized.Name })).Asset;
        Assert.Equal(seized, read);
        Assert.True(pool.Idle > 0, "GetAsset read on a kept connection, which went back to the pool");

        // The same kept connection, its statement prepared, sees the step committed since.
        var valued = await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        Assert.NotEqual(seized.Etag, valued.Etag);
        Assert.Equal(valued, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = seized.Name })).Asset);
        Assert.Contains(valued, (await service.Seizures().ListAssetsAsync(new ListAssetsRequest { PageSize = 100 })).Assets);
    }

    [Fact]
    public async Task A_kept_connection_refuses_to_write()
    {
        var pool = service.Services.GetRequiredService<SqliteReadPool>();
        var (text, parameters) = await service.WithDbAsync(db => Task.FromResult(("DELETE FROM \"JournalHeads\" WHERE 1 = @any", new List<ModelCommand.Parameter> { ModelCommand.ParameterOf(db, typeof(int), "any") })));

        var refused = await Assert.ThrowsAsync<SqliteException>(() => pool.ReadAsync(text, parameters, [1], static (_, _) => Task.FromResult(0), CancellationToken.None));
        Assert.Contains("readonly", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await service.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"JournalHeads\"").SingleAsync()));
    }

    [Fact]
    public async Task A_read_that_fails_closes_its_connection_instead_of_keeping_it()
    {
        var pool = service.Services.GetRequiredService<SqliteReadPool>();
        await service.Seizures().ListAssetsAsync(new ListAssetsRequest { PageSize = 1 }); // at least one kept
        var idle = pool.Idle;

        await Assert.ThrowsAsync<InvalidOperationException>(() => pool.ReadAsync("SELECT 1", [], [], static (_, _) => Task.FromException<int>(new InvalidOperationException("the reader failed")), CancellationToken.None));

        Assert.Equal(idle - 1, pool.Idle);
    }

    [Fact]
    public async Task Closing_a_kept_connection_leaves_no_setting_of_it_on_the_next_connection_to_the_file()
    {
        // The kept connections are read-only; Microsoft.Data.Sqlite's own pool would hand their native connection,
        // setting and all, to the next SqliteConnection opened with the same string (the service's writes).
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = $"Data Source={path}";
        try
        {
            using (var pool = new SqliteReadPool(connectionString))
            {
                Assert.Equal(1L, await pool.ReadAsync("SELECT 1", [], [], static async (reader, ct) => await reader.ReadAsync(ct) ? reader.GetInt64(0) : 0, CancellationToken.None));
                Assert.Equal(1, pool.Idle);
            }

            await using var next = new SqliteConnection(connectionString);
            await next.OpenAsync();
            await using var command = next.CreateCommand();
            command.CommandText = "PRAGMA query_only";
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
            command.CommandText = "CREATE TABLE Written (Id INTEGER PRIMARY KEY)";
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
