using V1 = AssetAuction.Contracts.V1;
using AssetAuction.Domain.Assets;
using AssetAuction.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// The time limits' due-date indexes hold open limits only: every query by due date asks for open ones, and an
/// imported history closes most of its limits at once, each of which would otherwise cost an index entry on a page
/// of its own. Checked on the database the service migrated: the indexes are filtered to open limits (SQLite refuses to
/// read a closed one through them), and the queries for open limits by due date still search them.
/// </summary>
public sealed class OpenDeadlineIndexTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private static readonly string[] DueDateIndexes = ["IX_Deadlines_State_DueDate", "IX_Deadlines_Office_State_DueDate"];

    [Fact]
    public async Task Closed_time_limits_have_no_entries_in_the_due_date_indexes()
    {
        await ImportHistoriesAsync();

        var (open, all, definitions, closedThroughIndex) = await service.WithDbAsync(async db =>
        {
            var open = await db.Deadlines.CountAsync(d => d.State == DeadlineState.Open);
            var all = await db.Deadlines.CountAsync();
            var definitions = new List<string>();
            var closedThroughIndex = new List<string>();
            foreach (var index in DueDateIndexes)
            {
                definitions.Add(await db.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND name = {0}", index).SingleAsync());

                // A partial index cannot answer for rows outside its filter: SQLite refuses to read closed limits
                // through it. Through a full index this would count them.
                var closed = "SELECT count(*) AS Value FROM Deadlines INDEXED BY " + index + " WHERE State <> " + (int)DeadlineState.Open;
                try
                {
                    closedThroughIndex.Add($"{index}: {await db.Database.SqlQueryRaw<long>(closed).SingleAsync()} closed limits");
                }
                catch (Microsoft.Data.Sqlite.SqliteException e) when (e.Message.Contains("no query solution", StringComparison.Ordinal))
                {
                }
            }

            return (open, all, definitions, closedThroughIndex);
        });

        Assert.True(open > 0, "the imported histories leave some limits open");
        Assert.True(all > 2 * open, $"most imported limits are closed ({all} limits, {open} open)");
        Assert.All(definitions, d => Assert.EndsWith($"WHERE State = {(int)DeadlineState.Open}", d, StringComparison.Ordinal));
        Assert.Empty(closedThroughIndex);
    }

    [Fact]
    public async Task Queries_for_open_limits_by_due_date_search_the_indexes()
    {
        var today = new DateOnly(2026, 11, 27);
        var plans = await service.WithDbAsync(async db => new[]
        {
            await PlanAsync(db, db.Deadlines.Where(d => d.State == DeadlineState.Open && d.DueDate < today && d.OverdueReportedAt == null).OrderBy(d => d.DueDate).ThenBy(d => d.Id).Select(d => d.Id).Take(100).ToQueryString()),
            await PlanAsync(db, db.Deadlines.Where(d => d.State == DeadlineState.Open && d.Office == TestData.Office).OrderBy(d => d.DueDate).ThenBy(d => d.Id).Take(21).ToQueryString()),
        });

        Assert.Contains("USING INDEX IX_Deadlines_State_DueDate", plans[0], StringComparison.Ordinal);
        Assert.Contains("IX_Deadlines_Office_State_DueDate", plans[1], StringComparison.Ordinal);
    }

    private async Task ImportHistoriesAsync()
    {
        var organizations = new V1.AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var organization = (await organizations.CreateAuctionOrganizationAsync(new V1.CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new V1.AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh Hà Nội", LicenceNumber = "DG-" + TestData.Unique(), Address = "Hà Nội", Contact = "024 0000 0000" },
        })).Organization.Name;
        var prefix = "IDX" + TestData.Unique();
        var records = Enumerable.Range(1, 12).Select(i => BacklogRecords.Record(i, TestData.Office, organization, prefix)).ToList();
        var result = await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(), records);
        Assert.All(result.Outcomes, o => Assert.Equal(Status.Imported, o.Status));
    }

    /// <summary>SQLite's plan for EF Core's SQL, its parameters declared so the statement prepares as EF Core's does.</summary>
    private static async Task<string> PlanAsync(Service.Data.AssetAuctionDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            var lines = sql.Split('\n');
            foreach (var declaration in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
            {
                var parts = declaration.Split(' ', 4);
                var parameter = command.CreateParameter();
                parameter.ParameterName = parts[2];
                parameter.Value = parts[3].Trim().Trim('\'');
                command.Parameters.Add(parameter);
            }

            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param set ", StringComparison.Ordinal)));
            var plan = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }

            return string.Join('\n', plan);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
