using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.WritePath;

/// <summary>
/// Many writes at once through the real client: decided before the write lock, committed in shared batches. Every
/// race must end as the law and the API say (one winner, the others a clear error), with the journal intact.
/// </summary>
public sealed class ConcurrentWritesTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Sixty_four_seizures_at_once_are_all_written_with_gap_free_sequences_and_an_intact_chain()
    {
        var before = await SequencesAsync();
        var requests = Enumerable.Range(0, 64).Select(_ => TestData.Seizure()).ToList();

        var responses = await Task.WhenAll(requests.Select(r => service.Seizures().RegisterSeizureAsync(r).ResponseAsync));

        Assert.Equal(64, responses.Select(r => r.Assets[0].Name).Distinct().Count());
        var after = await SequencesAsync();
        Assert.Equal(before.Audit + 64, after.Audit);
        Assert.Equal(before.Events + 64, after.Events);
        await AssertJournalGapFreeAsync();

        // Each retry replays its own stored response, byte for byte.
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(responses[i], await service.Seizures().RegisterSeizureAsync(requests[i]));
        }
    }

    [Fact]
    public async Task Eight_seizures_of_one_parcel_at_once_leave_one_seized_and_tell_the_others_it_is_already_seized()
    {
        var parcel = "race-" + TestData.Unique();
        var requests = Enumerable.Range(0, 8).Select(_ => TestData.Seizure(assets: TestData.Land(parcel))).ToList();

        var outcomes = await Task.WhenAll(requests.Select(async r =>
        {
            try
            {
                await service.Seizures().RegisterSeizureAsync(r);
                return "ok";
            }
            catch (RpcException e)
            {
                // A lost race at commit (the unique parcel key) is decided again, so it ends as the rule's own error.
                return $"{e.StatusCode}";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal(nameof(StatusCode.FailedPrecondition), o));
        await AssertJournalGapFreeAsync();
    }

    [Fact]
    public async Task Steps_on_one_asset_at_once_with_the_same_etag_let_exactly_one_through_and_abort_the_others()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        var etag = p.Asset.Etag;
        var attempts = Enumerable.Range(0, 12).Select(i => new RecordValuationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = p.Asset.Name,
            Etag = etag,
            AgreedPrice = new AgreedPrice { Price = 1_000_000_000 + i, AgreementNumber = $"TT-{i}", AgreementDate = PipelineDriver.D(2026, 11, 23) },
        }).ToList();

        var outcomes = await Task.WhenAll(attempts.Select(async r =>
        {
            try
            {
                return (Reason: "ok", Asset: (await p.Client.RecordValuationAsync(r)).Asset);
            }
            catch (RpcException e)
            {
                Assert.Equal(StatusCode.Aborted, e.StatusCode);
                return (Reason: e.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason, Asset: (Asset?)null);
            }
        }));

        var winner = Assert.Single(outcomes, o => o.Reason == "ok").Asset!;
        Assert.All(outcomes.Where(o => o.Reason != "ok"), o => Assert.Equal("ETAG_MISMATCH", o.Reason));
        var stored = await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = p.Asset.Name });
        Assert.Equal(winner.StartingPrice, stored.Asset.StartingPrice);
        Assert.Equal(winner.Etag, stored.Asset.Etag);
        Assert.Single(stored.Asset.History, h => h.ToState == Asset.Types.State.Valued);
        await AssertJournalGapFreeAsync();
    }

    private Task<(long Audit, long Events)> SequencesAsync() => service.WithDbAsync(async db =>
    {
        var head = await db.JournalHeads.SingleAsync();
        return (head.LastAuditSequence, head.LastEventSequence);
    });

    private async Task AssertJournalGapFreeAsync()
    {
        var (audit, events, auditCount, eventCount) = await service.WithDbAsync(async db =>
        {
            var head = await db.JournalHeads.SingleAsync();
            return (head.LastAuditSequence, head.LastEventSequence, await db.AuditEntries.LongCountAsync(), await db.Events.LongCountAsync());
        });
        Assert.Equal(audit, auditCount);
        Assert.Equal(events, eventCount);
        var verified = await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest());
        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(audit, verified.EntriesChecked);
    }
}
