using AssetAuction.Domain.Assets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetAuction.Service.Data;

/// <summary>One row per asset, read by its key only (GetAsset) or joined to a page of assets (ListAssets).</summary>
internal sealed class AssetViewConfiguration : IEntityTypeConfiguration<AssetView>
{
    public void Configure(EntityTypeBuilder<AssetView> b)
    {
        b.ToTable("AssetViews");
        b.HasKey(v => v.AssetId);
        b.Property(v => v.AssetId).HasMaxLength(32).ValueGeneratedNever();

        // Checked on update: a view is only ever replaced by the one it was read as, so the `rebuild-views` verb
        // cannot put back an older view over one a write made meanwhile (its batch then fails and is read again).
        b.Property(v => v.Version).IsConcurrencyToken();

        // The key to the asset also orders the writes: an asset's row is written before its view's (PreparedWrites
        // ranks by foreign key, as EF Core does), so two writes racing on an asset without a view yet fail on the
        // asset's version (retried) rather than on the view's key.
        b.HasOne<Asset>().WithOne().HasForeignKey<AssetView>(v => v.AssetId);
    }
}
