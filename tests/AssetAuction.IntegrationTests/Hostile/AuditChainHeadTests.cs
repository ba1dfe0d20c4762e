using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Journal;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>Tampering that keeps every entry's own hash consistent: the verifier still names what was done.</summary>
internal static class Tamper
{
    public static async Task SeizeAndReleaseAsync(ServiceFactory service, int times)
    {
        var client = service.Seizures();
        for (var i = 0; i < times; i++)
        {
            var asset = (await client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
            await client.ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "paid" });
        }
    }

    /// <summary>Rewrites an entry's content and recomputes its own hash, as someone who knows the scheme would.</summary>
    public static Task RehashAsync(ServiceFactory service, long sequence) => service.WithDbAsync(async db =>
    {
        var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == sequence);
        entry.AfterJson = entry.AfterJson.Replace("paid", "forgiven", StringComparison.Ordinal) + " ";
        entry.Hash = AuditHasher.Compute(entry);
        return await db.SaveChangesAsync();
    });

    /// <summary>Appends a well-chained entry without moving the journal head.</summary>
    public static Task AppendPastHeadAsync(ServiceFactory service) => service.WithDbAsync(async db =>
    {
        var last = await db.AuditEntries.OrderByDescending(e => e.Sequence).FirstAsync();
        var forged = new AuditRecord
        {
            Sequence = last.Sequence + 1, Time = last.Time, Subject = "mallory", Role = last.Role, Office = last.Office,
            Rpc = last.Rpc, Resource = last.Resource, RequestId = Guid.NewGuid().ToString(), BeforeJson = "", AfterJson = "{}", PreviousHash = last.Hash,
        };
        forged.Hash = AuditHasher.Compute(forged);
        db.AuditEntries.Add(forged);
        return await db.SaveChangesAsync();
    });
}

public sealed class AuditLastEntryRehashTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_rehashed_last_entry_is_reported_as_the_last_entry_edited()
    {
        await Tamper.SeizeAndReleaseAsync(service, 2);
        await Tamper.RehashAsync(service, 4);

        var result = await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest());

        Assert.False(result.Intact);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Contains("last entry edited", result.Problem, StringComparison.Ordinal);
    }
}

public sealed class AuditMiddleEntryRehashTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_rehashed_entry_in_the_middle_is_reported_as_that_entry_edited()
    {
        await Tamper.SeizeAndReleaseAsync(service, 2);
        await Tamper.RehashAsync(service, 2);

        var result = await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest());

        Assert.False(result.Intact);
        Assert.Equal(2, result.FirstBrokenSequence);
        Assert.Contains("entry 2 edited", result.Problem, StringComparison.Ordinal);
    }
}

public sealed class AuditEntryPastHeadTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task A_row_appended_past_the_head_is_reported_and_later_writes_fail_clearly_not_internal()
    {
        await Tamper.SeizeAndReleaseAsync(service, 1);
        await Tamper.AppendPastHeadAsync(service);

        var result = await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.False(result.Intact);
        Assert.Equal(3, result.FirstBrokenSequence);
        Assert.Contains("entries after the head", result.Problem, StringComparison.Ordinal);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, JournalWriter.ChainDamaged,
            () => service.Seizures().RegisterSeizureAsync(TestData.Seizure()).ResponseAsync);
    }
}
