using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Seizures;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.UnitTests.Service;

/// <summary>
/// The per-call lookups written as plain SQL (ModelCommand) take their names from the EF model and their row limit
/// from the provider. SQLite runs them in the integration tests; SQL Server runs nowhere in this suite, so its
/// statements are checked here as text.
/// </summary>
public sealed class ModelCommandTests
{
    [Fact]
    public void SqlServer_statements_quote_the_models_names_in_brackets_and_limit_a_page_with_top()
    {
        using var db = new SqlServerAssetAuctionDbContext(new DbContextOptionsBuilder<SqlServerAssetAuctionDbContext>().UseSqlServer("Server=unused;Database=unused").Options);
        var (current, first, next) = ViewQueries.Texts(db);

        Assert.Equal(
            "SELECT a.[Office], v.[Proto] FROM [AssetViews] AS v INNER JOIN [Assets] AS a ON a.[Id] = v.[AssetId] AND a.[Version] = v.[Version] WHERE v.[AssetId] = @id",
            current);
        Assert.Equal(
            "SELECT TOP(@take) a.[Id], v.[Proto] FROM [Assets] AS a LEFT JOIN [AssetViews] AS v ON a.[Id] = v.[AssetId] AND a.[Version] = v.[Version] WHERE a.[Office] = @office ORDER BY a.[Id] DESC",
            first);
        Assert.Equal(
            "SELECT TOP(@take) a.[Id], v.[Proto] FROM [Assets] AS a LEFT JOIN [AssetViews] AS v ON a.[Id] = v.[AssetId] AND a.[Version] = v.[Version] WHERE a.[Office] = @office AND a.[Id] < @after ORDER BY a.[Id] DESC",
            next);
        Assert.Equal(
            "SELECT [RequestId], [Subject], [Method], [RequestHash], [Response] FROM [IdempotencyRecords] WHERE [RequestId] = @requestId",
            StoredAnswers.Text(db));
        Assert.Equal(
            "SELECT [Id], [ActiveIdentityKey], [Office] FROM [Assets] WHERE [ActiveIdentityKey] IN (@key0, @key1)",
            ActiveSeizureHolders.Text(db, 2));
    }

    [Fact]
    public void Sqlite_pages_are_limited_at_the_end_by_the_largest_page_written_in_the_statement()
    {
        using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite("Data Source=:memory:").Options);
        var (_, first, next) = ViewQueries.Texts(db);

        Assert.Equal(
            "SELECT a.\"Id\", v.\"Proto\" FROM \"Assets\" AS a LEFT JOIN \"AssetViews\" AS v ON a.\"Id\" = v.\"AssetId\" AND a.\"Version\" = v.\"Version\" WHERE a.\"Office\" = @office ORDER BY a.\"Id\" DESC LIMIT 501",
            first);
        Assert.EndsWith("AND a.\"Id\" < @after ORDER BY a.\"Id\" DESC LIMIT 501", next, StringComparison.Ordinal);
        Assert.Equal(PageToken.MaxPageSize + 1, ViewQueries.MaxTake);
    }
}
