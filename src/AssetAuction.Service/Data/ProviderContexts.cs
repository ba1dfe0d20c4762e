using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetAuction.Service.Data;

/// <summary>SQLite: the embedded default. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAssetAuctionDbContext(DbContextOptions<SqliteAssetAuctionDbContext> options) : AssetAuctionDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no datetimeoffset type: stored as text, instants neither sort nor compare.
        // All instants are UTC, so the binary form (ticks + offset) orders correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>SQL Server: production. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAssetAuctionDbContext(DbContextOptions<SqlServerAssetAuctionDbContext> options) : AssetAuctionDbContext(options);
