using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests;

public sealed class IdempotencyTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private readonly SeizureService.SeizureServiceClient _client = service.Seizures();

    [Fact]
    public async Task RegisterSeizure_retried_with_the_same_request_id_returns_the_original_response_and_writes_nothing()
    {
        var request = TestData.Seizure();
        var original = await _client.RegisterSeizureAsync(request);
        var rows = await CountRowsAsync();
        service.Clock.Advance(TimeSpan.FromMinutes(5));

        var retried = await _client.RegisterSeizureAsync(request);

        Assert.Equal(original, retried);
        Assert.Equal(rows, await CountRowsAsync());
    }

    [Fact]
    public async Task ReleaseSeizure_retried_after_success_returns_the_same_answer_not_a_state_error()
    {
        var asset = (await _client.RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var release = new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = asset.Name, Etag = asset.Etag, Reason = "paid" };

        var first = await _client.ReleaseSeizureAsync(release);
        var retry = await _client.ReleaseSeizureAsync(release);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task A_request_id_in_other_letter_case_is_the_same_request()
    {
        var request = TestData.Seizure();
        var original = await _client.RegisterSeizureAsync(request);
        var upper = request.Clone();
        upper.RequestId = request.RequestId.ToUpperInvariant();

        Assert.Equal(original, await _client.RegisterSeizureAsync(upper));
    }

    [Fact]
    public async Task The_same_request_id_with_a_different_request_is_invalid_argument()
    {
        var request = TestData.Seizure();
        await _client.RegisterSeizureAsync(request);
        var changed = request.Clone();
        changed.MinutesNumber = "BB-99/2026";
        var rows = await CountRowsAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "REQUEST_ID_REUSED", () => _client.RegisterSeizureAsync(changed).ResponseAsync);

        Assert.Contains("request_id", RpcAssert.Fields(status));
        Assert.Equal(rows, await CountRowsAsync());
    }

    [Fact]
    public async Task A_request_id_used_by_another_caller_is_not_replayed_to_it()
    {
        var request = TestData.Seizure();
        await _client.RegisterSeizureAsync(request);
        var otherOfficer = new SeizureService.SeizureServiceClient(service.Channel(service.Token("case_management", TestData.Office, subject: "another-system")));

        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => otherOfficer.RegisterSeizureAsync(request).ResponseAsync);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_register_it_once()
    {
        var request = TestData.Seizure();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.RegisterSeizureAsync(request).ResponseAsync));

        Assert.All(responses, r => Assert.Equal(responses[0], r));
        Assert.Equal(1, await service.WithDbAsync(db => db.Assets.CountAsync(a => a.CaseNumber == request.EnforcementCase.CaseNumber)));
    }

    private Task<(int, int, int, int)> CountRowsAsync() => service.WithDbAsync(async db =>
        (await db.Assets.CountAsync(), await db.AuditEntries.CountAsync(), await db.Events.CountAsync(), await db.IdempotencyRecords.CountAsync()));
}
