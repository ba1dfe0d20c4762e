using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetAuction.Service.Data;

internal sealed class JournalHeadConfiguration : IEntityTypeConfiguration<JournalHead>
{
    public void Configure(EntityTypeBuilder<JournalHead> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.LastAuditHash).HasMaxLength(64);
        b.HasData(new JournalHead());
    }
}

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> b)
    {
        b.ToTable("AuditEntries");
        b.HasKey(a => a.Sequence);
        b.Property(a => a.Sequence).ValueGeneratedNever();
        b.Property(a => a.Subject).HasMaxLength(256);
        b.Property(a => a.Role).HasMaxLength(64);
        b.Property(a => a.Office).HasMaxLength(64);
        b.Property(a => a.Rpc).HasMaxLength(256);
        b.Property(a => a.Resource).HasMaxLength(256);
        b.Property(a => a.RequestId).HasMaxLength(64);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.Resource, a.Sequence });
    }
}

internal sealed class EventRecordConfiguration : IEntityTypeConfiguration<EventRecord>
{
    public void Configure(EntityTypeBuilder<EventRecord> b)
    {
        b.ToTable("Events");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Type).HasMaxLength(128);
        b.Property(e => e.Resource).HasMaxLength(256);
        b.Property(e => e.Office).HasMaxLength(64);
        b.Property(e => e.Organization).HasMaxLength(64);
        b.Property(e => e.RequestId).HasMaxLength(64);
        b.HasIndex(e => new { e.Office, e.Sequence });
        b.HasIndex(e => new { e.Organization, e.Sequence });
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.HasKey(r => r.RequestId);
        b.Property(r => r.RequestId).HasMaxLength(64).ValueGeneratedNever();
        b.Property(r => r.Subject).HasMaxLength(256);
        b.Property(r => r.Method).HasMaxLength(256);
        b.Property(r => r.RequestHash).HasMaxLength(64);
    }
}
