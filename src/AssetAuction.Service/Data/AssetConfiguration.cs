using AssetAuction.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetAuction.Service.Data;

/// <summary>
/// Assets and seizure acts. Kind details, owners, encumbrances and debtors are read and written
/// with their asset as a whole, so they live in JSON columns; everything a query filters on is a column.
/// </summary>
internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(a => a.SeizureId).HasMaxLength(32);
        b.Property(a => a.Office).HasMaxLength(64);
        b.Property(a => a.CaseNumber).HasMaxLength(128);
        b.Property(a => a.Description).HasMaxLength(1000);
        b.Property(a => a.IdentityKey).HasMaxLength(450);
        b.Property(a => a.ActiveIdentityKey).HasMaxLength(450);
        b.Property(a => a.ReleaseReason).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Name);
        b.Ignore(a => a.Etag);

        b.HasOne(a => a.Seizure).WithMany().HasForeignKey(a => a.SeizureId).OnDelete(DeleteBehavior.Restrict);

        // One active seizure per parcel or vehicle: the last guard against a race between two registrations.
        b.HasIndex(a => a.ActiveIdentityKey).IsUnique();
        // An office's assets newest first (ListAssets' page, Assets/ViewQueries). The version is in the index so
        // that the page's check of each view against its asset's version reads the index alone, not the asset's
        // row: one table seek per entry of every page, against an index entry rewritten in place by each step.
        b.HasIndex(a => new { a.Office, a.Id, a.Version });
        b.HasIndex(a => new { a.Office, a.CaseNumber });
        b.HasIndex(a => a.IdentityKey);

        // One asset per source system reference in an office (SQL Server filters out the nulls by convention; SQLite allows many nulls).
        b.Property(a => a.SourceReference).HasMaxLength(128);
        b.HasIndex(a => new { a.Office, a.SourceReference }).IsUnique();
        b.Property(a => a.Import).HasMaxLength(64);
        b.Property(a => a.ImportDigest).HasMaxLength(64);

        b.OwnsOne(a => a.Land, l =>
        {
            l.ToJson();
            l.OwnsMany(x => x.AttachedProperties);
        });
        b.OwnsOne(a => a.House, h => h.ToJson());
        b.OwnsOne(a => a.Vehicle, v => v.ToJson());
        b.OwnsOne(a => a.Movable, m => m.ToJson());
        b.OwnsMany(a => a.Owners, o =>
        {
            o.ToJson();
            o.OwnsOne(x => x.Party);
        });
        b.OwnsMany(a => a.Encumbrances, e =>
        {
            e.ToJson();
            e.OwnsOne(x => x.SecuredParty);
        });

        // The pipeline's records travel with the asset; rounds and time limits are queried on their own.
        b.OwnsMany(a => a.Valuations, v => v.ToJson());
        b.OwnsOne(a => a.PendingRevaluation, v => v.ToJson());
        b.OwnsOne(a => a.Contract, c => c.ToJson());
        b.OwnsMany(a => a.CoOwnerAnswers, c => c.ToJson());
        b.OwnsMany(a => a.Reductions, r => r.ToJson());
        b.OwnsOne(a => a.Sale, s =>
        {
            s.ToJson();
            s.OwnsOne(x => x.Buyer);
            s.OwnsMany(x => x.Payments);
            s.Ignore(x => x.Paid);
            s.Ignore(x => x.Balance);
        });
        b.OwnsMany(a => a.ForfeitedDeposits, f => f.ToJson());
        b.OwnsOne(a => a.Handover, h => h.ToJson());
        b.OwnsOne(a => a.Redemption, r => r.ToJson());
        b.OwnsOne(a => a.Takeover, t =>
        {
            t.ToJson();
            t.OwnsOne(x => x.Creditor);
        });
        b.OwnsOne(a => a.Returned, r => r.ToJson());
        b.Ignore(a => a.History);
        b.Property<List<HistoryEntry>>("_history").HasColumnName("History").AsAppendOnlyJson();
        b.OwnsMany(a => a.PastSales, s =>
        {
            s.ToJson();
            s.OwnsOne(x => x.Buyer);
            s.OwnsMany(x => x.Payments);
            s.Ignore(x => x.Paid);
            s.Ignore(x => x.Balance);
        });
        b.HasMany(a => a.Rounds).WithOne().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Deadlines).WithOne().HasForeignKey(d => d.AssetId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(a => a.IsRealEstate);
        b.Ignore(a => a.OpenRound);
        b.Ignore(a => a.FailedRounds);
        b.Ignore(a => a.HeldRounds);
    }
}

internal sealed class AuctionRoundConfiguration : IEntityTypeConfiguration<AuctionRound>
{
    public void Configure(EntityTypeBuilder<AuctionRound> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(r => r.AssetId).HasMaxLength(32);
        b.Property(r => r.Office).HasMaxLength(64);
        b.Property(r => r.OrganizationId).HasMaxLength(32);
        b.Property(r => r.Place).HasMaxLength(512);
        b.Property(r => r.ResultNote).HasMaxLength(2000);
        b.Ignore(r => r.IsOpen);
        b.Ignore(r => r.Changes);
        b.Property<List<RoundChange>>("_changes").HasColumnName("Changes").AsAppendOnlyJson();
        b.OwnsOne(r => r.Winner, w => w.ToJson());
        b.HasIndex(r => new { r.OrganizationId, r.AuctionTime, r.Id });
    }
}

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    private static readonly string OpenOnly = $"State = {(int)DeadlineState.Open}";

    public void Configure(EntityTypeBuilder<Deadline> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(d => d.AssetId).HasMaxLength(32);
        b.Property(d => d.Office).HasMaxLength(64);
        b.Property(d => d.Officer).HasMaxLength(128);
        b.Property(d => d.RuleSet).HasMaxLength(32);
        b.Property(d => d.Basis).HasMaxLength(512);
        b.Property(d => d.ClosedBy).HasMaxLength(64);

        // Every query by due date asks for open limits only (the sweep, the reminders, ListDeadlines, the overdue
        // gauge), so these indexes hold open limits only. An asset's closed limits then cost no index entries:
        // an imported history closes about nine in ten of its limits at once, and their past due dates, kept in
        // date order, put each one on a different index page (about 40% of the pages an import chunk wrote).
        // State is stored as its number; the filter is plain SQL that both providers read.
        b.HasIndex(d => new { d.State, d.DueDate }).HasFilter(OpenOnly);
        b.HasIndex(d => new { d.Office, d.State, d.DueDate }).HasFilter(OpenOnly);
    }
}

internal sealed class AuctionOrganizationConfiguration : IEntityTypeConfiguration<Domain.Organizations.AuctionOrganization>
{
    public void Configure(EntityTypeBuilder<Domain.Organizations.AuctionOrganization> b)
    {
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(o => o.DisplayName).HasMaxLength(256);
        b.Property(o => o.LicenceNumber).HasMaxLength(64);
        b.Property(o => o.Address).HasMaxLength(512);
        b.Property(o => o.Contact).HasMaxLength(256);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.Name);
        b.HasIndex(o => o.LicenceNumber).IsUnique();
        b.HasIndex(o => new { o.DisplayName, o.Id });
    }
}

internal sealed class SeizureActConfiguration : IEntityTypeConfiguration<SeizureAct>
{
    public void Configure(EntityTypeBuilder<SeizureAct> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(s => s.MinutesNumber).HasMaxLength(128);
        b.Ignore(s => s.Name);
        b.OwnsOne(s => s.Case, c =>
        {
            c.Property(x => x.StateBudgetDebt);
            c.Property(x => x.CaseNumber).HasMaxLength(128);
            c.Property(x => x.DecisionNumber).HasMaxLength(128);
            c.Property(x => x.Office).HasMaxLength(64);
            c.Property(x => x.Officer).HasMaxLength(128);
        });
        b.OwnsMany(s => s.Debtors, d => d.ToJson());
    }
}

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Domain.Proceeds.RegisteredObligation>
{
    public void Configure(EntityTypeBuilder<Domain.Proceeds.RegisteredObligation> b)
    {
        b.ToTable("Obligations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(o => o.Office).HasMaxLength(64);
        b.Property(o => o.CaseNumber).HasMaxLength(128);
        b.Property(o => o.CreditorId).HasMaxLength(64);
        b.Property(o => o.CreditorName).HasMaxLength(256);
        b.Property(o => o.CreditorIdentity).HasMaxLength(64);
        b.Property(o => o.SecuredAssetId).HasMaxLength(32);
        b.Property(o => o.EnforcementDecision).HasMaxLength(128);
        b.Property(o => o.Judgment).HasMaxLength(128);
        b.Ignore(o => o.Name);
        b.HasIndex(o => new { o.Office, o.CaseNumber, o.CreditorId }).IsUnique();
    }
}

internal sealed class StoredPlanConfiguration : IEntityTypeConfiguration<Domain.Proceeds.StoredPlan>
{
    /// <summary>The shadow property of a plan still stored as v1 proto JSON; null once converted.</summary>
    public const string LegacyPlanJson = "LegacyPlanJson";

    public void Configure(EntityTypeBuilder<Domain.Proceeds.StoredPlan> b)
    {
        b.ToTable("DistributionPlans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(p => p.AssetId).HasMaxLength(32);
        b.Property(p => p.Office).HasMaxLength(64);
        b.Property(p => p.PreparedBy).HasMaxLength(256);
        b.Property(p => p.ApprovedBy).HasMaxLength(256);
        b.Property(p => p.WithdrawnBy).HasMaxLength(256);
        b.Property(p => p.WithdrawalReason).HasMaxLength(1000);
        b.Property(p => p.CollectedSource).HasMaxLength(128);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Name);
        b.Ignore(p => p.Etag);
        b.Ignore(p => p.FullyPaidOut);
        b.OwnsMany(p => p.Entitlements, e => e.ToJson());
        b.OwnsMany(p => p.Payouts, e => e.ToJson());

        b.Property(p => p.Plan).HasConversion(DistributionPlanJson.Converter);

        // Plans stored before the domain's record was (the v1 proto JSON), until LegacyPlans converts them at start-up.
        b.Property<string?>(LegacyPlanJson).HasColumnName("PlanJson");
        b.HasIndex(p => new { p.Office, p.AssetId });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<Domain.Proceeds.LedgerEntry>
{
    public void Configure(EntityTypeBuilder<Domain.Proceeds.LedgerEntry> b)
    {
        b.ToTable("LedgerEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(e => e.TransactionId).HasMaxLength(32);
        b.Property(e => e.Office).HasMaxLength(64);
        b.Property(e => e.AssetId).HasMaxLength(32);
        b.Property(e => e.CaseNumber).HasMaxLength(128);
        b.Property(e => e.Kind).HasMaxLength(64);
        b.Property(e => e.Reference).HasMaxLength(1000);
        b.Property(e => e.CreditorId).HasMaxLength(64);
        b.Property(e => e.ReversalOf).HasMaxLength(32);
        b.HasIndex(e => e.TransactionId);
        b.HasIndex(e => e.ReversalOf);
        b.HasIndex(e => new { e.Office, e.AssetId });
        b.HasIndex(e => new { e.Office, e.CaseNumber });

        // A statement import looks up the custody movements for a set of amounts at once (Proceeds/StatementMatcher.cs).
        b.HasIndex(e => new { e.Office, e.Account, e.Amount });
    }
}

internal sealed class StatementLineConfiguration : IEntityTypeConfiguration<Domain.Proceeds.StatementLine>
{
    public void Configure(EntityTypeBuilder<Domain.Proceeds.StatementLine> b)
    {
        b.ToTable("StatementLines");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(s => s.Office).HasMaxLength(64);
        b.Property(s => s.StatementId).HasMaxLength(64);
        b.Property(s => s.Fingerprint).HasMaxLength(64);
        b.Property(s => s.Reference).HasMaxLength(1000);
        b.Property(s => s.Counterparty).HasMaxLength(512);
        b.Property(s => s.MatchedTransactionId).HasMaxLength(32);
        // Unique by fingerprint, led by the statement and line the fingerprint names: a statement's lines come in
        // line order, so its rows go to the end of the index, where (Office, Fingerprint) put each line on a random
        // page (1.9 GB written and 1.5 GB read for one 100,000-line import); and an import finds the lines of a
        // part imported before by their line numbers. A fingerprint hashes its statement and line number, so the
        // index refuses exactly what one on (Office, Fingerprint) refused.
        b.HasIndex(s => new { s.Office, s.StatementId, s.LineNumber, s.Fingerprint }).IsUnique();
        b.HasIndex(s => new { s.Office, s.ValueDate });
        b.HasIndex(s => s.MatchedTransactionId);
        b.Property(s => s.ImportId).HasMaxLength(36);
        b.HasIndex(s => new { s.Office, s.ImportId });

        // The older unmatched lines that share an amount with the lines being imported (Proceeds/StatementMatcher.cs).
        b.HasIndex(s => new { s.Office, s.Amount });
    }
}
