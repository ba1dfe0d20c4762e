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
        b.HasIndex(a => new { a.Office, a.Id });
        b.HasIndex(a => new { a.Office, a.CaseNumber });
        b.HasIndex(a => a.IdentityKey);

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
            c.Property(x => x.CaseNumber).HasMaxLength(128);
            c.Property(x => x.DecisionNumber).HasMaxLength(128);
            c.Property(x => x.Office).HasMaxLength(64);
            c.Property(x => x.Officer).HasMaxLength(128);
        });
        b.OwnsMany(s => s.Debtors, d => d.ToJson());
    }
}
