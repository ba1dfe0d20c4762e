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
        // Stored as UTC ticks: they order correctly and keep every tick (the audit hash covers them).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}

/// <summary>SQL Server: production. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerAssetAuctionDbContext(DbContextOptions<SqlServerAssetAuctionDbContext> options) : AssetAuctionDbContext(options);

/// <summary>An instant as its UTC ticks: lossless, sortable, and the same value read back as written.</summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(v => v.UtcTicks, t => new DateTimeOffset(t, TimeSpan.Zero));
