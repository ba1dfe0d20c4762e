using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>What one office learns about another's assets: nothing, even through a refusal or a replay.</summary>
public sealed class CrossOfficeTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_double_seizure_across_offices_names_neither_the_other_asset_nor_its_office()
    {
        var parcel = TestData.Unique();
        var held = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel)))).Assets[0];
        var other = service.Seizures(office: TestData.OtherOffice);

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_ALREADY_SEIZED",
            () => other.RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice, assets: TestData.Land(parcel))).ResponseAsync);

        var everything = status.ToString();
        Assert.DoesNotContain(held.Name, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TestData.Office, everything, StringComparison.Ordinal);
        Assert.Contains("another enforcement office", status.Message, StringComparison.Ordinal);
        var info = status.GetDetail<ErrorInfo>()!;
        Assert.False(info.Metadata.ContainsKey("other_asset"));
        Assert.False(info.Metadata.ContainsKey("other_office"));
        Assert.Contains(parcel, info.Metadata["identity"], StringComparison.Ordinal);

        // The same office still learns which of its assets holds the parcel.
        var own = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "ASSET_ALREADY_SEIZED",
            () => service.Seizures().RegisterSeizureAsync(TestData.Seizure(assets: TestData.Land(parcel))).ResponseAsync);
        Assert.Equal(held.Name, own.GetDetail<ErrorInfo>()!.Metadata["other_asset"]);
    }

    [Fact]
    public async Task A_request_id_is_not_replayed_to_the_same_subject_acting_for_another_office()
    {
        const string subject = "shared-login";
        var request = TestData.Seizure();
        var original = await new SeizureService.SeizureServiceClient(service.Channel(service.Token("case_management", TestData.Office, subject: subject)))
            .RegisterSeizureAsync(request);
        var intruder = new SeizureService.SeizureServiceClient(service.Channel(service.Token("case_management", TestData.OtherOffice, subject: subject)));

        var error = await Assert.ThrowsAsync<RpcException>(() => intruder.RegisterSeizureAsync(request).ResponseAsync);

        Assert.NotEqual(StatusCode.OK, error.StatusCode);
        Assert.DoesNotContain(original.Assets[0].Name, error.GetRpcStatus()?.ToString() ?? error.Status.Detail, StringComparison.Ordinal);

        // The original caller's retry is still answered from the stored response.
        var retry = await new SeizureService.SeizureServiceClient(service.Channel(service.Token("case_management", TestData.Office, subject: subject)))
            .RegisterSeizureAsync(request);
        Assert.Equal(original, retry);
    }
}
