using AssetAuction.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetAuction.Service.Statistics;

/// <summary>One narrow row per asset; the report filters by office and seizure date, and reads the rest whole.</summary>
internal sealed class AssetFactConfiguration : IEntityTypeConfiguration<AssetFact>
{
    public void Configure(EntityTypeBuilder<AssetFact> b)
    {
        b.ToTable("AssetFacts");
        b.HasKey(f => f.AssetId);
        b.Property(f => f.AssetId).HasMaxLength(32).ValueGeneratedNever();
        b.Property(f => f.Office).HasMaxLength(64);
        b.Property(f => f.CaseNumber).HasMaxLength(128);
        b.Property(f => f.PriceSteps).HasMaxLength(4000);
        b.Property(f => f.PastSales).HasMaxLength(4000);
        b.Property(f => f.FailedRoundDates).HasMaxLength(4000);
        // An office's (or a province's) report seeks by office; the country's reads most rows and is faster as one
        // sequential scan than through an index on the dates (measured: see the README's statistics figures).
        b.HasIndex(f => new { f.Office, f.SeizedOn });
    }
}

internal sealed class FrozenReportConfiguration : IEntityTypeConfiguration<FrozenReport>
{
    public void Configure(EntityTypeBuilder<FrozenReport> b)
    {
        b.ToTable("FrozenReports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasMaxLength(32).ValueGeneratedNever();
        b.Property(r => r.Scope).HasMaxLength(200);
        b.Property(r => r.Digest).HasMaxLength(64);
        b.Property(r => r.FrozenBy).HasMaxLength(256);
        b.Ignore(r => r.Period);
        b.Ignore(r => r.Name);

        // One submitted copy per scope and period.
        b.HasIndex(r => new { r.Scope, r.Year, r.Months }).IsUnique();
    }
}
