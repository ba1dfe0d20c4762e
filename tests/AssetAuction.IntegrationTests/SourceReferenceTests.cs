using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace AssetAuction.IntegrationTests;

/// <summary>An asset carries its reference in the office's previous system, unique per office, and is found by it (issue 13, point 4).</summary>
public sealed class SourceReferenceTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private static NewAsset Referenced(string reference)
    {
        var land = TestData.Land();
        land.SourceReference = reference;
        return land;
    }

    [Fact]
    public async Task An_asset_is_found_by_its_source_reference_in_its_own_office_only()
    {
        var reference = "QLA-2019-" + TestData.Unique();
        var seizures = service.Seizures();
        var registered = (await seizures.RegisterSeizureAsync(TestData.Seizure(assets: Referenced(reference)))).Assets[0];
        Assert.Equal(reference, registered.SourceReference);

        var found = (await seizures.GetAssetAsync(new GetAssetRequest { SourceReference = reference })).Asset;
        Assert.Equal((registered.Name, reference), (found.Name, found.SourceReference));
        var listed = await seizures.ListAssetsAsync(new ListAssetsRequest { SourceReference = reference });
        Assert.Equal(registered.Name, Assert.Single(listed.Assets).Name);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => seizures.GetAssetAsync(new GetAssetRequest { SourceReference = reference + "-x" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => seizures.GetAssetAsync(new GetAssetRequest { Name = registered.Name, SourceReference = reference }).ResponseAsync);

        // Another office neither sees it by the reference nor is bound by it: its own asset may carry the same one.
        var other = service.Seizures(office: TestData.OtherOffice);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.GetAssetAsync(new GetAssetRequest { SourceReference = reference, Office = TestData.Office }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => other.GetAssetAsync(new GetAssetRequest { SourceReference = reference }).ResponseAsync);
        var theirs = (await other.RegisterSeizureAsync(TestData.Seizure(office: TestData.OtherOffice, assets: Referenced(reference)))).Assets[0];
        Assert.Equal(theirs.Name, (await other.GetAssetAsync(new GetAssetRequest { SourceReference = reference })).Asset.Name);

        // A supervisor names the office.
        var supervisor = service.Seizures("supervisor", "");
        Assert.Equal(registered.Name, (await supervisor.GetAssetAsync(new GetAssetRequest { SourceReference = reference, Office = TestData.Office })).Asset.Name);
    }

    [Fact]
    public async Task The_command_line_finds_an_asset_by_its_reference_and_lists_assets_recorded_late()
    {
        var reference = "QLA-CLI-" + TestData.Unique();
        var request = TestData.Seizure(assets: Referenced(reference));
        request.SeizureDate = PipelineDriver.D(2026, 2, 13); // keyed in months later
        request.EnforcementCase.DecisionDate = PipelineDriver.D(2026, 1, 15);
        var registered = (await service.Seizures().RegisterSeizureAsync(request)).Assets[0];
        var token = service.Token("case_management", TestData.Office);

        var found = (await CliRunner.RunAsync(service, "asset", "find", reference, "--token", token)).Ok();
        Assert.Contains(registered.Name, found.Out, StringComparison.Ordinal);
        Assert.Contains("2026-02-13", found.Out, StringComparison.Ordinal);
        Assert.Contains("(late)", found.Out, StringComparison.Ordinal);

        var late = (await CliRunner.RunAsync(service, "asset", "list", "--recorded-late", "--page-size", "500", "-o", "csv", "--token", token)).Ok();
        Assert.Contains(late.Lines, l => l.StartsWith(registered.Name + ",", StringComparison.Ordinal));
        var byReference = (await CliRunner.RunAsync(service, "asset", "list", "--source-reference", reference, "-o", "csv", "--token", token)).Ok();
        Assert.Equal(2, byReference.Lines.Length);
        Assert.StartsWith(registered.Name + ",", byReference.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_reference_names_one_asset_per_office()
    {
        var reference = "QLA-2020-" + TestData.Unique();
        var seizures = service.Seizures();
        var first = (await seizures.RegisterSeizureAsync(TestData.Seizure(assets: Referenced(reference)))).Assets[0];

        var again = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "SOURCE_REFERENCE_EXISTS", () => seizures.RegisterSeizureAsync(TestData.Seizure(assets: Referenced(reference))).ResponseAsync);
        Assert.Equal(first.Name, again.GetDetail<ErrorInfo>()!.Metadata["existing_asset"]);
        var twice = TestData.Seizure(assets: [Referenced("QLA-TWICE"), Referenced("QLA-TWICE")]);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => seizures.RegisterSeizureAsync(twice).ResponseAsync);
    }
}
