using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Backlog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests;

/// <summary>The import's settings (Import:ChunkRecords, Import:ChunksInFlight): taken as given, and refused with a message naming them when out of range.</summary>
public sealed class AssetImportSettingsTests
{
    private static ServiceFactory Host(string chunkRecords, string chunksInFlight) => new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Import:ChunkRecords"] = chunkRecords, ["Import:ChunksInFlight"] = chunksInFlight });

    [Fact]
    public async Task Records_are_imported_and_answered_in_chunks_of_the_configured_size()
    {
        using var service = Host("5", "1");
        var organizations = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        var organization = (await organizations.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá Bắc Ninh", LicenceNumber = "DG-" + TestData.Unique(), Address = "Bắc Ninh", Contact = "0222 000 000" },
        })).Organization.Name;
        var records = Enumerable.Range(1, 12).Select(i => BacklogRecords.Record(i, TestData.Office, organization, "SET" + TestData.Unique())).ToList();

        var result = await ImportClient.RunAsync(ImportClient.Client(service), ImportClient.Options(), records);

        Assert.All(result.Outcomes, o => Assert.Equal(Status.Imported, o.Status));

        // The first answer is the start, the last the end; between them one per chunk, one chunk at a time: 5, 5 and the last 2.
        Assert.Equal([0, 5, 5, 2, 0], result.Responses.Select(r => r.Outcomes.Count));
        Assert.Equal([0L, 5, 10, 12, 12], result.Responses.Select(r => r.Progress.Imported));
    }

    [Theory]
    [InlineData("0", "2", "Import:ChunkRecords must be from 1 to 1000.")]
    [InlineData("16", "0", "Import:ChunksInFlight must be from 1 to 64.")]
    public void A_setting_out_of_range_is_refused_naming_it(string chunkRecords, string chunksInFlight, string message)
    {
        // The same registration the service makes; ValidateOnStart runs these checks when the host starts.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Import:ChunkRecords"] = chunkRecords, ["Import:ChunksInFlight"] = chunksInFlight,
        }).Build();
        using var provider = new ServiceCollection().AddBacklog(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AssetImportOptions>>().Value);
        Assert.Equal([message], error.Failures);
    }
}
