using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

internal static class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations (EF takes a migration lock, so several processes starting on one
    /// database are safe), then the areas' conversions of rows in an old form (<see cref="IDataConversion"/>),
    /// and, on SQLite, turns on WAL, which is a property of the file.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        foreach (var conversion in scope.ServiceProvider.GetServices<IDataConversion>())
        {
            await conversion.ConvertAsync(db, cancellationToken);
        }
    }
}
