using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.IntegrationTests;

public sealed class SeizureRegistryTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private readonly SeizureService.SeizureServiceClient _client = service.Seizures();

    [Fact]
    public async Task RegisterSeizure_then_GetAsset_returns_everything_registered()
    {
        var request = TestData.Seizure(assets: [TestData.Land(), TestData.Vehicle()]);

        var registered = await _client.RegisterSeizureAsync(request);

        Assert.StartsWith("seizures/", registered.Seizure.Name, StringComparison.Ordinal);
        var listed = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = request.EnforcementCase.CaseNumber });
        Assert.Equal(registered.Assets.Select(a => a.Name).Reverse(), listed.Assets.Select(a => a.Name));
        Assert.Equal(2, registered.Assets.Count);
        var land = (await _client.GetAssetAsync(new GetAssetRequest { Name = registered.Assets[0].Name })).Asset;
        Assert.Equal(registered.Assets[0], land);
        Assert.Equal(Asset.Types.State.Seized, land.State);
        Assert.Equal(Asset.Types.Kind.LandUseRight, land.Kind);
        Assert.Equal(TestData.Office, land.Office);
        Assert.Equal(request.Assets[0].LandUseRight, land.LandUseRight);
        Assert.Equal(request.Assets[0].Owners, land.Owners);
        Assert.Equal(request.Assets[0].Encumbrances, land.Encumbrances);
        Assert.Equal(request.EnforcementCase, land.Seizure.EnforcementCase);
        Assert.Equal(request.Debtors, land.Seizure.Debtors);
        Assert.Equal(request.SeizureDate, land.Seizure.SeizureDate);
        Assert.Equal(service.Clock.GetUtcNow(), land.CreateTime.ToDateTimeOffset());
        Assert.False(string.IsNullOrEmpty(land.Etag));
        var vehicle = (await _client.GetAssetAsync(new GetAssetRequest { Name = registered.Assets[1].Name })).Asset;
        Assert.Equal(request.Assets[1].RoadVehicle, vehicle.RoadVehicle);
        Assert.Equal(Asset.Types.Kind.RoadVehicle, vehicle.Kind);
    }

    [Fact]
    public async Task GetAsset_of_an_unknown_asset_is_not_found()
    {
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND",
            () => _client.GetAssetAsync(new GetAssetRequest { Name = "assets/0000000000000000000000000000dead" }).ResponseAsync);
    }

    [Fact]
    public async Task ListAssets_pages_through_a_case_newest_first_without_gaps_or_repeats()
    {
        var caseNumber = "THA-PAGING-" + TestData.Unique();
        var names = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            service.Clock.Advance(TimeSpan.FromSeconds(1));
            names.Add((await _client.RegisterSeizureAsync(TestData.Seizure(caseNumber))).Assets[0].Name);
        }

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, PageSize = 3, PageToken = token });
            Assert.True(page.Assets.Count <= 3);
            seen.AddRange(page.Assets.Select(a => a.Name));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(names), seen);
    }

    [Fact]
    public async Task ListAssets_pages_through_an_office_newest_first_at_every_page_size()
    {
        // The office's own listing, with no other filter, runs its own statement (ViewQueries.OfficePageAsync), whose
        // limit is the largest page's: each page must still stop at its size and say whether another follows.
        var office = "PAGES-" + TestData.Unique();
        var client = service.Seizures(office: office);
        var names = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            service.Clock.Advance(TimeSpan.FromSeconds(1));
            names.Add((await client.RegisterSeizureAsync(TestData.Seizure(office: office))).Assets[0].Name);
        }

        names.Reverse();
        foreach (var size in new[] { 1, 2, 3, 4, 5, 6 })
        {
            var seen = new List<string>();
            var token = "";
            var pages = 0;
            do
            {
                var page = await client.ListAssetsAsync(new ListAssetsRequest { PageSize = size, PageToken = token });
                Assert.Equal(Math.Min(size, names.Count - seen.Count), page.Assets.Count);
                seen.AddRange(page.Assets.Select(a => a.Name));
                token = page.NextPageToken;
                pages++;
            }
            while (token.Length > 0);

            Assert.Equal(names, seen);
            Assert.Equal((names.Count + size - 1) / size, pages);
        }
    }

    [Fact]
    public async Task ListAssets_filters_by_state_and_kind()
    {
        var caseNumber = "THA-FILTER-" + TestData.Unique();
        var registered = await _client.RegisterSeizureAsync(TestData.Seizure(caseNumber, assets: [TestData.Land(), TestData.Vehicle(), TestData.Land()]));
        var released = registered.Assets[2];
        await _client.ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = released.Name, Etag = released.Etag, Reason = "Debt paid" });

        var vehicles = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, Kind = Asset.Types.Kind.RoadVehicle });
        var stillSeized = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, State = Asset.Types.State.Seized });
        var releasedList = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, State = Asset.Types.State.Released });

        Assert.Equal([registered.Assets[1].Name], vehicles.Assets.Select(a => a.Name));
        Assert.Equal(new[] { registered.Assets[0].Name, registered.Assets[1].Name }.Order(), stillSeized.Assets.Select(a => a.Name).Order());
        Assert.Equal([released.Name], releasedList.Assets.Select(a => a.Name));
    }

    [Fact]
    public async Task ListAssets_refuses_a_page_token_used_with_other_filters()
    {
        var caseNumber = "THA-TOKEN-" + TestData.Unique();
        await _client.RegisterSeizureAsync(TestData.Seizure(caseNumber, assets: [TestData.Land(), TestData.Land()]));
        var first = await _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, PageSize = 1 });

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN",
            () => _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = "another", PageSize = 1, PageToken = first.NextPageToken }).ResponseAsync);
        Assert.Equal(["page_token"], RpcAssert.Fields(status));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN",
            () => _client.ListAssetsAsync(new ListAssetsRequest { CaseNumber = caseNumber, PageToken = "not-a-token" }).ResponseAsync);
    }

    [Fact]
    public async Task ReleaseSeizure_releases_the_asset_and_frees_the_parcel_for_a_new_seizure()
    {
        var parcel = TestData.Unique();
        var asset = (await _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)))).Assets[0];
        service.Clock.Advance(TimeSpan.FromHours(2));

        var released = (await _client.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "Decision 9/QĐ-THADS: the debtor paid in full",
        })).Asset;

        Assert.Equal(Asset.Types.State.Released, released.State);
        Assert.Equal("Decision 9/QĐ-THADS: the debtor paid in full", released.ReleaseReason);
        Assert.Equal(service.Clock.GetUtcNow(), released.ReleaseTime.ToDateTimeOffset());
        Assert.NotEqual(asset.Etag, released.Etag);
        Assert.Equal(released, (await _client.GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset);
        var again = await _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)));
        Assert.NotEqual(asset.Name, again.Assets[0].Name);
    }

    [Fact]
    public async Task ReleaseSeizure_with_a_stale_etag_is_aborted_and_changes_nothing()
    {
        var asset = (await _client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];

        await RpcAssert.FailsAsync(StatusCode.Aborted, "ETAG_MISMATCH", () => _client.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = "0", Reason = "stale",
        }).ResponseAsync);

        Assert.Equal(asset, (await _client.GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset);
    }

    [Fact]
    public async Task ReleaseSeizure_of_a_released_asset_is_refused_as_closed()
    {
        var asset = (await _client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var released = (await _client.ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "paid" })).Asset;

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_CLOSED", () => _client.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = released.Etag, Reason = "again",
        }).ResponseAsync);
        Assert.Equal("ASSET_CLOSED", status.GetDetail<PreconditionFailure>()?.Violations.Single().Type);
    }

    [Fact]
    public async Task RegisterSeizure_of_a_parcel_under_an_active_seizure_names_the_other_asset()
    {
        var parcel = TestData.Unique();
        var first = (await _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)))).Assets[0];
        var before = await service.WithDbAsync(db => Task.FromResult(db.Assets.Count()));

        // Same parcel written differently (case, spacing) is still the same parcel.
        var duplicate = TestData.Land(parcel);
        duplicate.LandUseRight.Commune = "  phường   LÁNG ";
        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_ALREADY_SEIZED",
            () => _client.RegisterSeizureAsync(TestData.Seizure(assets: [TestData.Vehicle(), duplicate])).ResponseAsync);

        Assert.Equal(first.Name, status.GetDetail<ErrorInfo>()!.Metadata["other_asset"]);
        Assert.Equal(before, await service.WithDbAsync(db => Task.FromResult(db.Assets.Count())));
    }

    [Fact]
    public async Task RegisterSeizure_of_a_parcel_typed_with_combining_accents_is_still_the_same_parcel()
    {
        var parcel = TestData.Unique();
        var first = (await _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)))).Assets[0];
        var decomposed = TestData.Land(parcel);
        decomposed.LandUseRight.Province = "Hà Nội".Normalize(System.Text.NormalizationForm.FormD);
        decomposed.LandUseRight.Commune = "Phường Láng".Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual("Hà Nội", decomposed.LandUseRight.Province);

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_ALREADY_SEIZED",
            () => _client.RegisterSeizureAsync(TestData.Seizure(assets: decomposed)).ResponseAsync);

        Assert.Equal(first.Name, status.GetDetail<ErrorInfo>()!.Metadata["other_asset"]);
    }

    [Fact]
    public async Task RegisterSeizure_of_a_vehicle_under_an_active_seizure_is_refused()
    {
        var chassis = "RLCHASSIS" + TestData.Unique();
        var first = (await _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Vehicle(chassis)))).Assets[0];

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_ALREADY_SEIZED",
            () => _client.RegisterSeizureAsync(TestData.Seizure(assets: TestData.Vehicle(chassis))).ResponseAsync);

        Assert.Equal(first.Name, status.GetDetail<ErrorInfo>()!.Metadata["other_asset"]);
    }
}
