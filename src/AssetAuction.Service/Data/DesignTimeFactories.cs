using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AssetAuction.Service.Data;

/// <summary>Used by `dotnet ef migrations add ... --context SqliteAssetAuctionDbContext`.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAssetAuctionDbContext>
{
    public SqliteAssetAuctionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Used by `dotnet ef migrations add ... --context SqlServerAssetAuctionDbContext`; no server needed.</summary>
internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAssetAuctionDbContext>
{
    public SqlServerAssetAuctionDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAssetAuctionDbContext>().UseSqlServer("Server=design-time;Database=AssetAuction;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
