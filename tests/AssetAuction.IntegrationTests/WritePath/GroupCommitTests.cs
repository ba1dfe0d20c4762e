using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// The batches themselves, on the real database: writes queued together share a commit, each in its own
/// savepoint, so a write that loses its version check or fails on its own is rolled back alone and its neighbours
/// are written with a journal that stays gap-free and chained.
/// </summary>
public sealed class GroupCommitTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_write_that_lost_its_version_check_or_failed_is_rolled_back_alone_and_its_neighbours_commit()
    {
        var asset = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var id = asset.Name["assets/".Length..];
        var commits = service.Services.GetRequiredService<GroupCommit>();
        await using var scopeA = service.Services.CreateAsyncScope();
        await using var scopeB = service.Services.CreateAsyncScope();
        await using var scopeC = service.Services.CreateAsyncScope();
        await using var scopeD = service.Services.CreateAsyncScope();
        var (a, b, c, d) = (Db(scopeA), Db(scopeB), Db(scopeC), Db(scopeD));

        // A and B both read the asset at the same version and change it: B must lose at commit.
        await Touch(a, id, "changed by A");
        await Touch(b, id, "changed by B");
        var head = await service.WithDbAsync(db => db.JournalHeads.AsNoTracking().SingleAsync());

        var results = await Task.WhenAll(
            commits.CommitAsync(Write(a, "A")),
            commits.CommitAsync(Write(b, "B")),
            commits.CommitAsync(new PendingWrite { Db = c, Actor = Tester, Rpc = "test/C", RequestId = "C", DecideInBatch = _ => throw new InvalidOperationException("C fails on its own") }),
            commits.CommitAsync(Write(d, "D")));

        Assert.Equal(WriteOutcome.Committed, results[0].Outcome);
        Assert.Equal(WriteOutcome.VersionConflict, results[1].Outcome);
        Assert.Equal(WriteOutcome.Failed, results[2].Outcome);
        Assert.Equal("C fails on its own", results[2].Error!.Message);
        Assert.Equal(WriteOutcome.Committed, results[3].Outcome);

        var stored = await service.WithDbAsync(db => db.Assets.AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal("changed by A", stored.ReleaseReason);
        var written = await service.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > head.LastAuditSequence).OrderBy(e => e.Sequence).Select(e => e.RequestId).ToListAsync());
        Assert.Equal(["A", "D"], written);
        var after = await service.WithDbAsync(db => db.JournalHeads.AsNoTracking().SingleAsync());
        Assert.Equal(head.LastAuditSequence + 2, after.LastAuditSequence);
        Assert.Equal(head.LastEventSequence + 2, after.LastEventSequence);
        var verified = await service.Audit().VerifyAuditChainAsync(new Contracts.V1.VerifyAuditChainRequest());
        Assert.True(verified.Intact, verified.Problem);

        // The contexts got their own connections back: B can read the asset as it now stands.
        b.ChangeTracker.Clear();
        Assert.Equal("changed by A", (await b.Assets.AsNoTracking().SingleAsync(x => x.Id == id)).ReleaseReason);
    }

    [Fact]
    public async Task A_bulk_write_commits_alone_and_an_ordinary_write_queued_behind_several_waits_for_one()
    {
        var commits = service.Services.GetRequiredService<GroupCommit>();
        var scopes = Enumerable.Range(0, 5).Select(_ => service.Services.CreateAsyncScope()).ToList();
        try
        {
            var head = await service.WithDbAsync(db => db.JournalHeads.AsNoTracking().SingleAsync());

            // G holds the commit loop until the others are queued: three import chunks (bulk), then one ordinary write.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var held = commits.CommitAsync(new PendingWrite
            {
                Db = Db(scopes[0]), Actor = Tester, Rpc = "test/G", RequestId = "G",
                DecideInBatch = async _ =>
                {
                    started.SetResult();
                    await release.Task;
                    return Write(Db(scopes[0]), "G").Decided!;
                },
            });
            await started.Task;
            var first = commits.CommitAsync(BulkWrite(Db(scopes[1]), "B1"));
            var second = commits.CommitAsync(BulkWrite(Db(scopes[2]), "B2"));
            var third = commits.CommitAsync(BulkWrite(Db(scopes[3]), "B3"));

            // O is decided inside its batch: what has committed by then shows which batch it is in.
            (bool FirstCommitted, bool SecondCommitted) seen = default;
            var ordinary = commits.CommitAsync(new PendingWrite
            {
                Db = Db(scopes[4]), Actor = Tester, Rpc = "test/O", RequestId = "O",
                DecideInBatch = _ =>
                {
                    seen = (first.IsCompleted, second.IsCompleted);
                    return Task.FromResult(Write(Db(scopes[4]), "O").Decided!);
                },
            });
            release.SetResult();
            Assert.All(await Task.WhenAll(held, first, second, third, ordinary), r => Assert.Equal(WriteOutcome.Committed, r.Outcome));

            // O did not share B1's commit (B1 was on disk before O was written) and did not wait for B2 and B3.
            Assert.Equal((true, false), seen);
            var order = await service.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > head.LastAuditSequence).OrderBy(e => e.Sequence).Select(e => e.RequestId).ToListAsync());
            Assert.Equal(["G", "B1", "O", "B2", "B3"], order);
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private static PendingWrite BulkWrite(AssetAuctionDbContext db, string name) => new()
    {
        Db = db,
        Actor = Tester,
        Rpc = "test/" + name,
        RequestId = name,
        Bulk = true,
        Decided = new Decision([new JournalLine("test.changed", "assets/test", TestData.Office, "", "", "{}", [])], null),
    };

    private static readonly Actor Tester = new("test", "system", "");

    private static AssetAuctionDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();

    private static async Task Touch(AssetAuctionDbContext db, string id, string note)
    {
        var asset = await db.Assets.SingleAsync(x => x.Id == id);
        db.Entry(asset).Property(x => x.ReleaseReason).CurrentValue = note;
        db.Entry(asset).Property(x => x.Version).CurrentValue = asset.Version + 1;
    }

    private static PendingWrite Write(AssetAuctionDbContext db, string name) => new()
    {
        Db = db,
        Actor = Tester,
        Rpc = "test/" + name,
        RequestId = name,
        Decided = new Decision([new JournalLine("test.changed", "assets/test", TestData.Office, "", "", "{}", [])], null),
    };
}
