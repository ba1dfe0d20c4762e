using System.Data.Common;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssetAuction.Service.Journal;

/// <summary>
/// Lends a batch's open connection and transaction to a mutation's own DbContext for the time of its savepoint,
/// so the entities that context tracks are written inside the shared transaction; then gives the context a fresh
/// connection of its own again, for a retry or a replay that reads after the batch.
/// </summary>
internal readonly struct ConnectionLoan
{
    private readonly AssetAuctionDbContext _db;
    private readonly DbProviderFactory _factory;
    private readonly string _connectionString;

    private ConnectionLoan(AssetAuctionDbContext db, DbProviderFactory factory, string connectionString)
    {
        _db = db;
        _factory = factory;
        _connectionString = connectionString;
    }

    // The connection string as configured, kept per context: an opened SqlConnection forgets its password.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AssetAuctionDbContext, string> Configured = [];

    public static ConnectionLoan Lend(AssetAuctionDbContext db, IDbContextTransaction transaction)
    {
        var own = db.Database.GetDbConnection();
        var connectionString = Configured.GetValue(db, d => d.Database.GetConnectionString()!);
        var loan = new ConnectionLoan(db, DbProviderFactories.GetFactory(own)!, connectionString);
        var shared = transaction.GetDbTransaction();
        db.Database.SetDbConnection(shared.Connection, contextOwnsConnection: false);
        db.Database.UseTransaction(shared);

        // The batch makes the savepoint; EF Core's own one per SaveChanges would only double the work.
        db.Database.AutoSavepointsEnabled = false;
        return loan;
    }

    public void Return()
    {
        _db.Database.UseTransaction(null);
        var fresh = _factory.CreateConnection()!;
        fresh.ConnectionString = _connectionString;
        _db.Database.SetDbConnection(fresh, contextOwnsConnection: true);
        _db.Database.AutoSavepointsEnabled = true;
    }
}
