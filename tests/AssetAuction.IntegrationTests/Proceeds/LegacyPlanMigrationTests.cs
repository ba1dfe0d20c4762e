using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>
/// A plan prepared before plans were stored as the domain's record sits in the database as the v1 proto JSON. After
/// the upgrade (migration DistributionPlanAsDomainRecord, then the start-up conversion) it reads as it did and is
/// approved to the same allocation, to the dong, as a plan prepared on the new format.
/// </summary>
public sealed class LegacyPlanMigrationTests(ITestOutputHelper output)
{
    /// <summary>The last SQLite migration before plans were stored as the domain's record.</summary>
    private const string PreviousMigration = "20261127224611_Issue13AssetImport";

    [Fact]
    public async Task A_plan_stored_as_proto_json_before_the_upgrade_reads_the_same_and_approves_to_the_same_allocation()
    {
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        StoredDistributionPlan legacy;
        StoredDistributionPlan control;
        Dictionary<(LedgerAccount, string), long> controlBalances;
        using (var before = new ServiceFactory(path) { KeepDatabase = true })
        {
            _ = before.LogTo(output);

            // The same case twice: one plan approved, the other left prepared; both are then put back in the old format.
            var approvedNow = await DistributionCase.ApprovedAsync(before);
            control = approvedNow.Approved;
            controlBalances = await approvedNow.BalancesAsync();
            legacy = (await DistributionCase.PreparedAsync(before)).Prepared;

            await before.WithDbAsync(async db =>
            {
                // What the previous release stored: the plan's proto in its JSON form. Then the schema goes back to the
                // previous migration (the Plan column dropped), as a database that was never upgraded.
                foreach (var stored in new[] { legacy, control })
                {
                    var id = stored.Name.Split('/')[^1];
                    await db.Database.ExecuteSqlAsync($"UPDATE DistributionPlans SET PlanJson = {JsonFormatter.Default.Format(stored.Plan)} WHERE Id = {id}");
                }

                await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
                return 0;
            });
        }

        using var after = new ServiceFactory(path);
        _ = after.LogTo(output);
        var maker = ProceedsScenario.Finance(after, "finance-maker");
        var checker = ProceedsScenario.Finance(after, "finance-checker");

        Assert.Equal(legacy, (await maker.GetDistributionPlanAsync(new GetDistributionPlanRequest { Name = legacy.Name })).Plan);
        Assert.Equal(control, (await maker.GetDistributionPlanAsync(new GetDistributionPlanRequest { Name = control.Name })).Plan);
        Assert.Null(await after.WithDbAsync(db => db.DistributionPlans.Select(p => EF.Property<string?>(p, "LegacyPlanJson")).FirstOrDefaultAsync(j => j != null)));

        var approved = (await checker.ApproveDistributionPlanAsync(DistributionCase.Approval(legacy))).Plan;

        // The control's plan is of another asset, which its steps name.
        var expected = new DistributionPlan(control.Plan) { Asset = legacy.Plan.Asset };
        expected.Steps.Clear();
        expected.Steps.Add(control.Plan.Steps.Select(step => step.Replace(control.Plan.Asset["assets/".Length..], legacy.Plan.Asset["assets/".Length..], StringComparison.Ordinal)));
        Assert.Equal(expected, approved.Plan);
        Assert.Equal(control.Payees, approved.Payees);
        var balances = await maker.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = legacy.Plan.Asset });
        Assert.True(balances.Balanced);
        Assert.Equal(controlBalances, balances.Balances.ToDictionary(b => (b.Account, b.CreditorId), b => b.Amount));
    }
}
