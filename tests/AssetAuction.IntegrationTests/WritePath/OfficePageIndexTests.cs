using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Assets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// ListAssets' office page checks each view against its asset's version; the (Office, Id, Version) index answers that
/// alone, so a page reads no asset row. Checked on the database the service migrated, with SQLite's plan of the very
/// statements the service runs (first and later pages).
/// </summary>
public sealed class OfficePageIndexTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    private static readonly string[] Parameters = ["@office", "@after", "@take"];

    [Fact]
    public async Task An_office_page_reads_the_assets_covering_index_only()
    {
        await service.Seizures().RegisterSeizureAsync(TestData.Seizure());

        var plans = await service.WithDbAsync(async db =>
        {
            var (_, first, next) = ViewQueries.Texts(db);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            var plans = new List<string>();
            foreach (var text in new[] { first, next })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + text;
                foreach (var name in Parameters.Where(n => text.Contains(n, StringComparison.Ordinal)))
                {
                    command.Parameters.AddWithValue(name, name == "@take" ? 21 : "x");
                }

                await using var reader = await command.ExecuteReaderAsync();
                var lines = new List<string>();
                while (await reader.ReadAsync())
                {
                    lines.Add(reader.GetString(3));
                }

                plans.Add(string.Join(" | ", lines));
            }

            return plans;
        });

        Assert.All(plans, plan => Assert.Contains("SEARCH a USING COVERING INDEX IX_Assets_Office_Id_Version", plan, StringComparison.Ordinal));

        // In the index's order: no sort, so a page reads only its own rows although its statement's limit is the largest page's.
        Assert.All(plans, plan => Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal));
    }
}
