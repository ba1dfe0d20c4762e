namespace AssetAuction.Service.Data;

/// <summary>
/// A conversion of stored rows that SQL alone cannot make well (parsing an old format), run by
/// <see cref="DatabaseMigrator"/> right after the migrations, before the service serves. It must be idempotent:
/// every process starting on the database runs it, and converts only what is still in the old form.
/// </summary>
public interface IDataConversion
{
    /// <summary>Converts what is left in the old form; returns how many rows it converted.</summary>
    Task<int> ConvertAsync(AssetAuctionDbContext db, CancellationToken ct);
}
