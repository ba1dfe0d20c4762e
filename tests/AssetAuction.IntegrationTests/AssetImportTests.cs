using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests;

/// <summary>Bulk import of an office's assets already under way, through the real client (issue 13, points 3 and 6).</summary>
public sealed class AssetImportTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    private async Task<string> OrganizationAsync()
    {
        var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        return (await client.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh Việt", LicenceNumber = "DG-" + TestData.Unique(), Address = "Hà Nội", Contact = "024 0000 0000" },
        })).Organization.Name;
    }

    [Fact]
    public async Task Every_shape_of_generated_backlog_imports()
    {
        var organization = await OrganizationAsync();
        var prefix = "GEN" + TestData.Unique();
        var records = Enumerable.Range(1, 12).Select(i => BacklogRecords.Record(i, TestData.Office, organization, prefix)).ToList();
        var result = await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(), records);
        var failures = result.Outcomes.Where(o => o.Status == Status.Failed).Select(o => $"{o.Line} {o.ActIndex} {o.Field} {o.Reason} {o.Message}");
        Assert.Empty(failures);
        Assert.Equal((12, 12, 0, 0, true), (result.Final.RecordsRead, result.Final.Imported, result.Final.Unchanged, result.Final.Failed, result.Final.Done));
    }
}
