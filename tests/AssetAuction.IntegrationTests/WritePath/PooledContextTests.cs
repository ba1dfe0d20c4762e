using System.Data;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// Requests lease their DbContext from a pool (building a context's EF Core services anew was a tenth of a read's
/// CPU). A leased context must come back as if new: no flag of the previous request's write, and no connection it
/// left open (a batch lends its connection to a request's context, which fails on a context whose own is open).
/// </summary>
public sealed class PooledContextTests(ServiceFactory service) : IClassFixture<ServiceFactory>
{
    [Fact]
    public async Task A_context_goes_back_to_the_pool_and_comes_out_as_new()
    {
        AssetAuctionDbContext first;
        await using (var scope = service.Services.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
            first.ChangesPrepared = true;
            Assert.NotEmpty(await first.JournalHeads.AsNoTracking().ToListAsync());
        }

        // The pool hands contexts out in turn, and the service's jobs lease some too: lease (and hold) contexts until
        // the one given back comes out again.
        var scopes = new List<AsyncServiceScope>();
        try
        {
            AssetAuctionDbContext? again = null;
            for (var i = 0; i < 256 && again is null; i++)
            {
                var scope = service.Services.CreateAsyncScope();
                scopes.Add(scope);
                var leased = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
                again = ReferenceEquals(leased, first) ? leased : null;
            }

            Assert.NotNull(again);
            Assert.False(again.ChangesPrepared);
            Assert.Equal(ConnectionState.Closed, again.Database.GetDbConnection().State);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Writes_on_contexts_that_served_reads_and_batches_before_succeed()
    {
        // Enough calls that every pooled context has served a read, a request's write and a batch in turn.
        var seizures = service.Seizures();
        for (var i = 0; i < 12; i++)
        {
            var asset = (await PipelineDriver.SeizeAsync(service)).Asset;
            var read = await seizures.GetAssetAsync(new Contracts.V1.GetAssetRequest { Name = asset.Name });
            Assert.Equal(asset.Etag, read.Asset.Etag);
        }

        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.False(db.ChangesPrepared);
    }
}
