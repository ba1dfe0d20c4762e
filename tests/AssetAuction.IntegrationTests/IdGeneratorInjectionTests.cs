using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Journal;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// Ids come from the container's <see cref="IIdGenerator"/>, not from a static: a host given another generator names
/// what it creates with that generator's ids, in the order it gives them.
/// </summary>
public sealed class IdGeneratorInjectionTests : IDisposable
{
    private readonly ServiceFactory _service = new();

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task Created_resources_carry_the_ids_of_the_generator_the_container_holds()
    {
        var generator = new CountingIds();
        using var host = _service.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIdGenerator>(generator)));
        var client = new SeizureService.SeizureServiceClient(ServiceFactory.ChannelTo(host, _service.Token("case_management", TestData.Office)));

        var response = await client.RegisterSeizureAsync(TestData.Seizure(null, TestData.Office, TestData.Land(), TestData.Vehicle()));

        // The act takes the first id; each asset the next one free (an asset's own records take ids too).
        Assert.Equal("seizures/" + CountingIds.Id(1), response.Seizure.Name);
        Assert.Equal("assets/" + CountingIds.Id(2), response.Assets[0].Name);
        var second = response.Assets[1].Name["assets/".Length..];
        Assert.Contains(second, generator.Given);
        Assert.True(string.CompareOrdinal(CountingIds.Id(2), second) < 0, $"{second} should follow {CountingIds.Id(2)}");
    }

    /// <summary>Ids 1, 2, 3 ... with a fixed prefix: 32 hex digits, as the service's own.</summary>
    private sealed class CountingIds : IIdGenerator
    {
        private int _count;

        public System.Collections.Concurrent.ConcurrentBag<string> Given { get; } = [];

        public static string Id(int n) => "feed" + n.ToString("x28", CultureInfo.InvariantCulture);

        public string NewId(DateTimeOffset now)
        {
            var id = Id(Interlocked.Increment(ref _count));
            Given.Add(id);
            return id;
        }
    }
}
