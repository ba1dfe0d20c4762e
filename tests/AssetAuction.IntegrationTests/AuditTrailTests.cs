using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

public sealed class AuditTrailTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Every_change_writes_who_when_which_rpc_and_what_changed()
    {
        var register = TestData.Seizure();
        var asset = (await service.Seizures().RegisterSeizureAsync(register)).Assets[0];
        service.Clock.Advance(TimeSpan.FromMinutes(3));
        var release = new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "paid" };
        var released = (await service.Seizures().ReleaseSeizureAsync(release)).Asset;

        var entries = (await service.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = asset.Name })).Entries;

        Assert.Equal(2, entries.Count);
        var (created, changed) = (entries[0], entries[1]);
        Assert.Equal("/assetauction.v1.SeizureService/RegisterSeizure", created.Rpc);
        Assert.Equal(register.RequestId, created.RequestId);
        Assert.Equal(Roles.CaseManagement, created.Role);
        Assert.Equal(TestData.Office, created.Office);
        Assert.Equal($"test-{Roles.CaseManagement}-{TestData.Office}", created.Subject);
        Assert.Equal("", created.BeforeJson);
        Assert.Equal(asset, Asset.Parser.ParseJson(created.AfterJson));
        Assert.Equal("/assetauction.v1.SeizureService/ReleaseSeizure", changed.Rpc);
        Assert.Equal(release.RequestId, changed.RequestId);
        Assert.Equal(service.Clock.GetUtcNow(), changed.Time.ToDateTimeOffset());
        // The journal keeps what changed: the state before without the history it had, the state after with only
        // the history entry this step added (the earlier entries are in the earlier audit entries).
        var before = asset.Clone();
        before.History.Clear();
        Assert.Equal(before, Asset.Parser.ParseJson(changed.BeforeJson));
        var after = released.Clone();
        after.History.Clear();
        after.History.Add(released.History.Skip(asset.History.Count));
        Assert.Equal(after, Asset.Parser.ParseJson(changed.AfterJson));
        Assert.Equal(created.Hash, changed.PreviousHash);
    }

    [Fact]
    public async Task Only_a_supervisor_may_read_the_audit_trail()
    {
        var client = service.Audit(Roles.CaseManagement, TestData.Office);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => client.ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = "assets/x" }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "ROLE_NOT_ALLOWED", () => client.VerifyAuditChainAsync(new VerifyAuditChainRequest()).ResponseAsync);
    }
}

/// <summary>Tampering tests damage their database, so they have a class (and database) of their own.</summary>
public sealed class AuditChainTamperingTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task The_chain_verifies_then_an_edited_and_a_deleted_entry_are_each_reported_as_the_first_broken_link()
    {
        var client = service.Seizures();
        for (var i = 0; i < 3; i++)
        {
            var asset = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
            await client.ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "paid" });
        }

        var audit = service.Audit();
        var intact = await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.True(intact.Intact, intact.Problem);
        Assert.Equal(6, intact.EntriesChecked);

        // Someone with database access rewrites history: entry 4 now says another reason.
        await service.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET AfterJson = REPLACE(AfterJson, 'paid', 'forgiven') WHERE Sequence = 4"));
        var edited = await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.False(edited.Intact);
        Assert.Equal(4, edited.FirstBrokenSequence);
        Assert.Contains("edited", edited.Problem, StringComparison.Ordinal);

        // Deleting entry 2 is found before the edit further on.
        await service.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2"));
        var deleted = await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.False(deleted.Intact);
        Assert.Equal(2, deleted.FirstBrokenSequence);
        Assert.Contains("missing", deleted.Problem, StringComparison.Ordinal);
    }
}

public sealed class AuditChainTruncationTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Removing_the_newest_entries_is_detected_against_the_journal_head()
    {
        var client = service.Seizures();
        await client.RegisterSeizureAsync(TestData.Seizure());
        await client.RegisterSeizureAsync(TestData.Seizure());

        await service.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEntries WHERE Sequence = 2"));
        var result = await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest());

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
    }
}

public sealed class AuditChainUnderLoadTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Verifying_while_changes_commit_never_reports_a_broken_chain()
    {
        var client = service.Seizures();
        var audit = service.Audit();
        var writes = Task.WhenAll(Enumerable.Range(0, 60).Select(_ => client.RegisterSeizureAsync(TestData.Seizure()).ResponseAsync));
        var results = new List<VerifyAuditChainResponse>();
        while (!writes.IsCompleted)
        {
            results.Add(await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest()));
        }

        await writes;
        results.Add(await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest()));

        Assert.All(results, r => Assert.True(r.Intact, r.Problem));
        Assert.Equal(60, results[^1].EntriesChecked);
    }
}
