using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.UnitTests.Service;

/// <summary>Each provider has its own migrations; a model change without a migration for either fails here.</summary>
public sealed class MigrationsInSyncTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqliteAssetAuctionDbContext --output-dir Data/Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void SqlServer_migrations_cover_the_model()
    {
        // Needs no server: the model is compared with the migrations' snapshot.
        using var db = new SqlServerAssetAuctionDbContext(new DbContextOptionsBuilder<SqlServerAssetAuctionDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --context SqlServerAssetAuctionDbContext --output-dir Data/Migrations/SqlServer");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_database_and_seed_the_journal_head()
    {
        var path = Path.Combine(Path.GetTempPath(), $"migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            await db.Database.MigrateAsync();

            var head = await db.JournalHeads.SingleAsync();
            Assert.Equal(0, head.LastEventSequence);
            Assert.Equal(0, head.LastAuditSequence);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
