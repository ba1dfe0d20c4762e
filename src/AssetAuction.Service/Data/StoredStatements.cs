using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AssetAuction.Service.Data;

/// <summary>
/// A bank or treasury statement as an office sent it, kept once per office under the SHA-256 of its content.
/// The audit entries, events and idempotency records of its imports name the digest instead of carrying the
/// content (megabytes for a year of statements) again and again; an inspector finds the exact file here.
/// </summary>
public sealed class StoredStatement
{
    public string Office { get; set; } = "";

    /// <summary>SHA-256 of the CSV's UTF-8 bytes, lowercase hex.</summary>
    public string Digest { get; set; } = "";

    /// <summary>The statement id of the import that first stored it (the same content may arrive under another id later).</summary>
    public string StatementId { get; set; } = "";

    /// <summary>The CSV's UTF-8 bytes, gzip-compressed: statements repeat dates, references and names, and shrink several times.</summary>
    public byte[] ContentGzip { get; set; } = [];

    /// <summary>The size of the CSV in bytes (UTF-8), before compression.</summary>
    public long ContentBytes { get; set; }

    public int LineCount { get; set; }

    public DateTimeOffset StoreTime { get; set; }

    /// <summary>The subject of the caller whose import stored it.</summary>
    public string StoredBy { get; set; } = "";
}

internal sealed class StoredStatementConfiguration : IEntityTypeConfiguration<StoredStatement>
{
    public void Configure(EntityTypeBuilder<StoredStatement> b)
    {
        b.ToTable("StoredStatements");
        b.HasKey(s => new { s.Office, s.Digest });
        b.Property(s => s.Office).HasMaxLength(64);
        b.Property(s => s.Digest).HasMaxLength(64);
        b.Property(s => s.StatementId).HasMaxLength(64);
        b.Property(s => s.StoredBy).HasMaxLength(256);
    }
}
