using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssetAuction.IntegrationTests;

public sealed class SecurityTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated()
    {
        var anonymous = new SeizureService.SeizureServiceClient(service.Channel(null));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_unauthenticated()
    {
        var forged = TokenMinter.Mint(new AuthOptions { Issuer = ServiceFactory.Issuer, Audience = ServiceFactory.Audience, SigningKey = "some-other-key-that-is-long-enough-0123456789" },
            "mallory", Roles.Supervisor, "", "", service.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        var client = new SeizureService.SeizureServiceClient(service.Channel(forged));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => client.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated_by_the_service_clock()
    {
        var shortLived = TokenMinter.Mint(service.Auth, "officer", Roles.CaseManagement, TestData.Office, "", service.Clock.GetUtcNow(), TimeSpan.FromMinutes(10));
        var client = new SeizureService.SeizureServiceClient(service.Channel(shortLived));
        await client.ListAssetsAsync(new ListAssetsRequest());

        service.Clock.Advance(TimeSpan.FromMinutes(15));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => client.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task A_token_without_a_subject_is_unauthenticated()
    {
        var nobody = TokenMinter.Mint(service.Auth, "", Roles.Supervisor, "", "", service.Clock.GetUtcNow(), TimeSpan.FromHours(1));
        var client = new SeizureService.SeizureServiceClient(service.Channel(nobody));

        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => client.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);

        // Its signature is good, so the token handler remembers it; the subject check after it refuses it again.
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => client.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Health_and_reflection_answer_without_a_token()
    {
        var channel = service.Channel(null);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        var liveness = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "liveness" });
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, liveness.Status);
        using var reflection = new Grpc.Reflection.V1Alpha.ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo();
        await reflection.RequestStream.WriteAsync(new Grpc.Reflection.V1Alpha.ServerReflectionRequest { ListServices = "" });
        Assert.True(await reflection.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("assetauction.v1.SeizureService", reflection.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name));
        await reflection.RequestStream.CompleteAsync();
    }

    [Fact]
    public async Task An_auction_organization_may_not_read_the_seizure_registry()
    {
        var client = new SeizureService.SeizureServiceClient(service.Channel(service.Token(Roles.AuctionOrganization, organization: "DGTS-01")));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => client.ListAssetsAsync(new ListAssetsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Finance_may_read_but_not_register_or_release()
    {
        var asset = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var finance = service.Seizures(Roles.Finance);

        Assert.Equal(asset.Name, (await finance.GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset.Name);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => finance.RegisterSeizureAsync(TestData.Seizure()).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => finance.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "x",
        }).ResponseAsync);
    }

    [Fact]
    public async Task Another_office_can_neither_read_list_nor_release_an_asset_nor_learn_that_it_exists()
    {
        var asset = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var other = service.Seizures(Roles.CaseManagement, TestData.OtherOffice);

        // Another office's asset is answered exactly like a missing one.
        var hidden = await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.GetAssetAsync(new GetAssetRequest { Name = asset.Name }).ResponseAsync);
        var missing = await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.GetAssetAsync(new GetAssetRequest { Name = "assets/00000000000000000000000000000bad" }).ResponseAsync);
        Assert.Equal(missing.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata.Keys, hidden.GetDetail<Google.Rpc.ErrorInfo>()!.Metadata.Keys);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED", () => other.ListAssetsAsync(new ListAssetsRequest { Office = TestData.Office }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "x",
        }).ResponseAsync);
        Assert.Equal(Asset.Types.State.Seized, (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset.State);
        var ownList = await other.ListAssetsAsync(new ListAssetsRequest());
        Assert.DoesNotContain(ownList.Assets, a => a.Office != TestData.OtherOffice);
    }

    [Fact]
    public async Task A_case_management_system_may_not_register_a_seizure_for_another_office()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED",
            () => service.Seizures().RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice)).ResponseAsync);
    }

    [Fact]
    public async Task A_supervisor_reads_every_office_but_changes_nothing()
    {
        var here = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var there = (await service.Seizures(Roles.CaseManagement, TestData.OtherOffice).RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice))).Assets[0];
        var supervisor = service.Seizures(Roles.Supervisor, "");

        Assert.Equal(here.Name, (await supervisor.GetAssetAsync(new GetAssetRequest { Name = here.Name })).Asset.Name);
        Assert.Equal(there.Name, (await supervisor.GetAssetAsync(new GetAssetRequest { Name = there.Name })).Asset.Name);
        var all = await supervisor.ListAssetsAsync(new ListAssetsRequest { PageSize = 500 });
        Assert.Contains(all.Assets, a => a.Name == here.Name);
        Assert.Contains(all.Assets, a => a.Name == there.Name);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => supervisor.ReleaseSeizureAsync(new ReleaseSeizureRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = here.Name, Etag = here.Etag, Reason = "x",
        }).ResponseAsync);
    }

    [Fact]
    public async Task The_service_refuses_to_start_in_production_without_real_auth_settings()
    {
        // A real process: the settings are checked before the host is built, and the process exits 1.
        var start = await ServiceProcess.RunAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"prod-{Guid.NewGuid():N}.db")}",
            ["Auth__Issuer"] = "x",
            ["Auth__Audience"] = "y",
            ["Auth__SigningKey"] = AuthOptions.DevelopmentSigningKey,
        });

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("development key", start.Output, StringComparison.Ordinal);
    }
}
