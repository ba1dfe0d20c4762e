using AssetAuction.Domain.Assets;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.Service.Data;

/// <summary>
/// The one model of the service. Each provider has a thin subclass with its own migrations
/// (<see cref="SqliteAssetAuctionDbContext"/>, <see cref="SqlServerAssetAuctionDbContext"/>).
/// </summary>
public abstract class AssetAuctionDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SeizureAct> Seizures => Set<SeizureAct>();

    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<AuctionRound> AuctionRounds => Set<AuctionRound>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<Domain.Organizations.AuctionOrganization> AuctionOrganizations => Set<Domain.Organizations.AuctionOrganization>();

    public DbSet<Domain.Proceeds.RegisteredObligation> Obligations => Set<Domain.Proceeds.RegisteredObligation>();

    public DbSet<Domain.Proceeds.StoredPlan> DistributionPlans => Set<Domain.Proceeds.StoredPlan>();

    public DbSet<Domain.Proceeds.LedgerEntry> LedgerEntries => Set<Domain.Proceeds.LedgerEntry>();

    public DbSet<Domain.Proceeds.StatementLine> StatementLines => Set<Domain.Proceeds.StatementLine>();

    public DbSet<StoredStatement> StoredStatements => Set<StoredStatement>();

    public DbSet<JournalHead> JournalHeads => Set<JournalHead>();

    public DbSet<AuditRecord> AuditEntries => Set<AuditRecord>();

    public DbSet<EventRecord> Events => Set<EventRecord>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>
    /// True while the changes this context tracks were detected (and the statistics facts refreshed) before the
    /// write lock, so the save under the lock skips both; see <see cref="Journal.MutationRunner"/>.
    /// </summary>
    internal bool ChangesPrepared { get; set; }

    /// <summary>A pooled context goes back to the pool here: the next request must not find this one's flag.</summary>
    public override ValueTask DisposeAsync()
    {
        ChangesPrepared = false;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    public override void Dispose()
    {
        ChangesPrepared = false;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AssetAuctionDbContext).Assembly);
    }
}
