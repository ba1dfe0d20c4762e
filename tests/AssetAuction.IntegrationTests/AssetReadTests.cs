using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The read path (GetAsset, ListAssets) loads untracked, with compiled queries and fewer statements than the write
/// path's load; these pin that it still shows everything the write path shows: the seizure act, every round
/// in order, every time limit, and pages that neither repeat nor skip across offices.
/// </summary>
public sealed class AssetReadTests(ServiceWithoutDeadlineWatch service) : IClassFixture<ServiceWithoutDeadlineWatch>
{
    [Fact]
    public async Task GetAsset_and_ListAssets_show_the_seizure_act_every_round_and_every_time_limit_as_the_last_step_returned()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.TwoFailedRoundsAsync();
        var stepped = p.Asset;
        Assert.Equal(2, stepped.Rounds.Count);
        Assert.True(stepped.TimeLimits.Count >= 3, $"{stepped.TimeLimits.Count} time limits");

        var read = (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = stepped.Name })).Asset;

        // The step's response comes from the write path's tracked load: the read must be the same message.
        Assert.Equal(stepped, read);
        Assert.Equal([1, 2], read.Rounds.Select(r => r.Number));
        Assert.All(read.Rounds, r => Assert.Equal(read.Name, r.Asset));
        Assert.Equal(stepped.TimeLimits.Select(t => t.Name), read.TimeLimits.Select(t => t.Name));
        Assert.StartsWith("seizures/", read.Seizure.Name, StringComparison.Ordinal);
        Assert.NotEmpty(read.Seizure.Debtors);
        Assert.Equal(TestData.Office, read.Seizure.EnforcementCase.Office);

        // The office listing (a compiled query of its own) shows the same asset, rounds and time limits included.
        var listed = await ListAllAsync(service.Seizures(), new ListAssetsRequest { PageSize = 2 });
        Assert.Equal(read, Assert.Single(listed, a => a.Name == read.Name));
        // And so does a filtered listing (composed per call).
        var byCase = await service.Seizures().ListAssetsAsync(new ListAssetsRequest { CaseNumber = read.Seizure.EnforcementCase.CaseNumber });
        Assert.Equal(read, Assert.Single(byCase.Assets));
    }

    [Fact]
    public async Task ListAssets_pages_an_office_newest_first_without_gaps_repeats_or_other_offices_assets()
    {
        var own = service.Seizures();
        var other = service.Seizures(Roles.CaseManagement, TestData.OtherOffice);
        var mine = new List<string>();
        var theirs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            mine.AddRange((await own.RegisterSeizureAsync(TestData.Seizure(assets: [TestData.Land(), TestData.Vehicle()]))).Assets.Select(a => a.Name));
            theirs.Add((await other.RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice))).Assets[0].Name);
        }

        var ownPages = await ListAllAsync(own, new ListAssetsRequest { PageSize = 3 });
        var otherPages = await ListAllAsync(other, new ListAssetsRequest { PageSize = 3 });
        var supervisor = service.Seizures(Roles.Supervisor, "");
        var supervisorOfOther = await ListAllAsync(supervisor, new ListAssetsRequest { PageSize = 2, Office = TestData.OtherOffice });
        var everyOffice = await ListAllAsync(supervisor, new ListAssetsRequest { PageSize = 5 });

        // Names are time-ordered ids: newest first is descending order, and every page continues the last.
        var ownNames = ownPages.Select(a => a.Name).ToList();
        Assert.Equal(ownNames.Distinct().Count(), ownNames.Count);
        Assert.Equal(ownNames.OrderDescending(StringComparer.Ordinal), ownNames);
        Assert.Subset(ownNames.ToHashSet(), mine.ToHashSet());
        Assert.All(ownPages, a => Assert.Equal(TestData.Office, a.Office));
        Assert.DoesNotContain(ownNames, theirs.Contains);
        Assert.Subset(otherPages.Select(a => a.Name).ToHashSet(), theirs.ToHashSet());
        Assert.All(otherPages, a => Assert.Equal(TestData.OtherOffice, a.Office));
        Assert.Equal(otherPages, supervisorOfOther);
        Assert.Subset(everyOffice.Select(a => a.Name).ToHashSet(), mine.Concat(theirs).ToHashSet());

        // Another office named explicitly is refused, not silently emptied.
        var refused = await Assert.ThrowsAsync<RpcException>(() => own.ListAssetsAsync(new ListAssetsRequest { Office = TestData.OtherOffice }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task GetAsset_answers_another_offices_asset_and_a_non_asset_name_as_not_found()
    {
        var theirs = (await service.Seizures(Roles.CaseManagement, TestData.OtherOffice).RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice))).Assets[0];

        // Another office's asset reads exactly as one that does not exist (no office is revealed).
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => service.Seizures().GetAssetAsync(new GetAssetRequest { Name = theirs.Name }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => service.Seizures().GetAssetAsync(new GetAssetRequest { Name = "assets/0000000000000000000000000000beef" }).ResponseAsync);
        Assert.Equal(theirs, (await service.Seizures(Roles.Supervisor, "").GetAssetAsync(new GetAssetRequest { Name = theirs.Name })).Asset);
    }

    private static async Task<List<Asset>> ListAllAsync(SeizureService.SeizureServiceClient client, ListAssetsRequest request)
    {
        var all = new List<Asset>();
        var token = "";
        do
        {
            var page = await client.ListAssetsAsync(new ListAssetsRequest(request) { PageToken = token });
            Assert.True(page.Assets.Count <= request.PageSize);
            all.AddRange(page.Assets);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return all;
    }
}
