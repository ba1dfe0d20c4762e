using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The journal's plain INSERTs are generated from the EF model, so they name every mapped column with the
/// provider's quoting. SQL Server runs nowhere in this suite, so its statements are checked here as text.
/// </summary>
public sealed class JournalRowsTests
{
    [Fact]
    public void SqlServer_inserts_name_every_column_in_brackets()
    {
        using var db = new SqlServerAssetAuctionDbContext(new DbContextOptionsBuilder<SqlServerAssetAuctionDbContext>().UseSqlServer("Server=unused;Database=unused").Options);

        Assert.Equal(
            "INSERT INTO [AuditEntries] ([Sequence], [AfterJson], [BeforeJson], [Hash], [Office], [PreviousHash], [RequestId], [Resource], [Role], [Rpc], [Subject], [Time]) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)",
            JournalRows.InsertText<AuditRecord>(db));
        Assert.Equal(
            "INSERT INTO [Events] ([Sequence], [Office], [Organization], [Payload], [RequestId], [Resource], [Time], [Type]) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            JournalRows.InsertText<EventRecord>(db));
        Assert.Equal(
            "INSERT INTO [IdempotencyRecords] ([RequestId], [CreateTime], [Method], [RequestHash], [Response], [Subject]) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            JournalRows.InsertText<IdempotencyRecord>(db));
    }

    [Theory]
    [InlineData(typeof(AuditRecord))]
    [InlineData(typeof(EventRecord))]
    [InlineData(typeof(IdempotencyRecord))]
    public void Sqlite_inserts_cover_every_mapped_property(Type row)
    {
        using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite("Data Source=:memory:").Options);
        var text = row == typeof(AuditRecord) ? JournalRows.InsertText<AuditRecord>(db)
            : row == typeof(EventRecord) ? JournalRows.InsertText<EventRecord>(db)
            : JournalRows.InsertText<IdempotencyRecord>(db);

        var properties = db.Model.FindEntityType(row)!.GetProperties().ToList();
        Assert.All(properties, p => Assert.Contains($"\"{p.GetColumnName()}\"", text, StringComparison.Ordinal));
        Assert.Contains($"@p{properties.Count - 1})", text, StringComparison.Ordinal);
    }
}
