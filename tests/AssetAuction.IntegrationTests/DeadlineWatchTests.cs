using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Deadlines;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests;

/// <summary>Time limits crossing into "near" and "missed" are reported once each, with an event and an audit entry.</summary>
public sealed class DeadlineWatchTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private Task<int> CountAsync(string type, string resource) =>
        service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == type && e.Resource == resource));

    [Fact]
    public async Task A_time_limit_is_reported_approaching_once_then_missed_once_however_often_the_sweep_runs()
    {
        var asset = (await service.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0];
        var limit = asset.TimeLimits.Single(); // valuation contract, due Friday 27 November

        // Wednesday 25 November: due within 2 working days.
        service.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 3, 0, 0, TimeSpan.Zero));
        await service.SweepDeadlinesAsync();
        await service.SweepDeadlinesAsync();
        Assert.Equal(1, await CountAsync(DeadlineWatch.Approaching, limit.Name));
        Assert.Equal(0, await CountAsync(DeadlineWatch.Missed, limit.Name));

        // Monday 30 November: missed.
        service.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.SweepDeadlinesAsync()));
        await service.SweepDeadlinesAsync();

        Assert.Equal(1, await CountAsync(DeadlineWatch.Missed, limit.Name));
        var reported = (await service.Seizures().GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset.TimeLimits.Single();
        Assert.NotNull(reported.OverdueReportTime);
        Assert.Equal(TimeLimit.Types.State.Open, reported.State);
        await AssetViewAssert.CurrentAsync(service, [asset.Name]); // the report changed the time limit alone: its view was remade
        var audit = (await service.Audit().ListAuditEntriesAsync(new ListAuditEntriesRequest { Resource = limit.Name })).Entries;
        Assert.Equal(["system:deadline-watch", "system:deadline-watch"], audit.Select(e => e.Subject));
        Assert.True((await service.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);
    }

}

/// <summary>Only open time limits are reported. Own class: the fake clock only moves forward.</summary>
public sealed class DeadlineWatchMetLimitTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private Task<int> CountAsync(string type, string resource) =>
        service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == type && e.Resource == resource));

    [Fact]
    public async Task A_met_time_limit_is_never_reported()
    {
        var p = await PipelineDriver.SeizeAsync(service);
        await p.ValueAsync(1_000_000_000, new DateOnly(2026, 11, 23));
        var met = p.Limit(TimeLimit.Types.Kind.ValuationContract);
        service.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 30, 3, 0, 0, TimeSpan.Zero));

        await service.SweepDeadlinesAsync();

        Assert.Equal(0, await CountAsync(DeadlineWatch.Missed, met.Name));
        Assert.Equal(1, await CountAsync(DeadlineWatch.Missed, p.Limit(TimeLimit.Types.Kind.AuctionContract).Name));
    }

}

/// <summary>The views of time limits and of the backlog.</summary>
public sealed class DeadlineViewTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    [Fact]
    public async Task Views_list_overdue_and_due_soon_limits_by_office_and_officer_and_the_backlog_puts_large_sums_first()
    {
        var office = "DL-" + TestData.Unique();
        var cm = service.Seizures("case_management", office);
        var small = (await cm.RegisterSeizureAsync(TestData.Seizure(office: office))).Assets[0];
        var large = (await cm.RegisterSeizureAsync(TestData.Seizure(office: office))).Assets[0];
        // Not valued yet, but its case is a large one by what the creditors are owed (a bank-credit case).
        var bankCaseRequest = TestData.Seizure(office: office);
        var bankCase = (await cm.RegisterSeizureAsync(bankCaseRequest)).Assets[0];
        var proceeds = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("case_management", office)));
        foreach (var (creditor, owed) in new[] { ("BANK-1", 18_000_000_000L), ("BANK-2", 4_000_000_000L) })
        {
            await proceeds.RegisterObligationAsync(new RegisterObligationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Obligation = new Obligation
                {
                    Office = office, CaseNumber = bankCaseRequest.EnforcementCase.CaseNumber, CreditorId = creditor, Creditor = TestData.Person(creditor), Owed = owed,
                    Category = Obligation.Types.Category.Other, RequestedOn = D(2026, 9, 1), EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-02", HolderIsJudgmentCreditor = true,
                },
            });
        }

        // An old case: decided in 2022, its asset seized only now.
        var oldCaseRequest = TestData.Seizure(office: office);
        oldCaseRequest.EnforcementCase.DecisionDate = D(2022, 3, 1);
        var oldCase = (await cm.RegisterSeizureAsync(oldCaseRequest)).Assets[0];
        var p = new PipelineDriver(service, large);
        var valuer = new PipelineService.PipelineServiceClient(service.Channel(service.Token("case_management", office)));
        await valuer.RecordValuationAsync(new RecordValuationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = large.Name, Etag = large.Etag,
            OfficerDecision = new OfficerDecision { Price = 25_000_000_000, DecisionNumber = "QĐ-1", DecisionDate = D(2026, 11, 23), Reason = "no valuer" },
        });

        var deadlines = new DeadlineService.DeadlineServiceClient(service.Channel(service.Token("case_management", office)));
        var soon = await deadlines.ListDeadlinesAsync(new ListDeadlinesRequest { View = ListDeadlinesRequest.Types.View.DueSoon, WithinWorkingDays = 10 });
        Assert.Contains(soon.TimeLimits, t => t.Name.StartsWith(small.Name, StringComparison.Ordinal));
        Assert.All(soon.TimeLimits, t => Assert.Equal(office, t.Office));
        var byOfficer = await deadlines.ListDeadlinesAsync(new ListDeadlinesRequest { View = ListDeadlinesRequest.Types.View.Open, Officer = "nobody" });
        Assert.Empty(byOfficer.TimeLimits);

        service.Clock.Advance(TimeSpan.FromDays(200));
        var overdue = await deadlines.ListDeadlinesAsync(new ListDeadlinesRequest { View = ListDeadlinesRequest.Types.View.Overdue, PageSize = 1 });
        var rest = await deadlines.ListDeadlinesAsync(new ListDeadlinesRequest { View = ListDeadlinesRequest.Types.View.Overdue, PageSize = 1, PageToken = overdue.NextPageToken });
        Assert.Equal(2, overdue.TimeLimits.Count + rest.TimeLimits.Count);
        Assert.True(overdue.TimeLimits[0].DueDate.ToDateTime() <= rest.TimeLimits[0].DueDate.ToDateTime());

        var backlog = await deadlines.ListBacklogAsync(new ListBacklogRequest { StuckForDays = 150 });
        // Large cases first (the test clock stands still, so the two tie on time at stage), then the old case, then the rest.
        Assert.Equal(new[] { bankCase.Name, large.Name }.Order(), backlog.Items.Take(2).Select(i => i.Asset).Order());
        Assert.Equal([oldCase.Name, small.Name], backlog.Items.Skip(2).Select(i => i.Asset));
        Assert.Equal([true, true, false, false], backlog.Items.Select(i => i.LargeSum));
        Assert.Equal([false, false, true, false], backlog.Items.Select(i => i.OlderThanThreeYears));
        var byCase = backlog.Items.Single(i => i.Asset == bankCase.Name);
        Assert.Equal(22_000_000_000, byCase.CaseObligations);
        Assert.Equal(0, byCase.StartingPrice);
        Assert.Equal(D(2022, 3, 1), backlog.Items[2].DecisionDate);
        Assert.True(backlog.Items[3].DaysAtStage >= 150);
        await RpcAssert.FailsAsync(Grpc.Core.StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED",
            () => deadlines.ListDeadlinesAsync(new ListDeadlinesRequest { View = ListDeadlinesRequest.Types.View.Open, Office = TestData.OtherOffice }).ResponseAsync);
    }
}

/// <summary>Reminders count working days: Lunar New Year 2027 (5-9 February by default) is skipped.</summary>
public sealed class DeadlineReminderHolidayTests : IDisposable
{
    private readonly ServiceFactory _service = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        new DateTimeOffset(2027, 2, 2, 3, 0, 0, TimeSpan.Zero),
        new Dictionary<string, string> { ["Deadlines:ReminderLeadWorkingDays"] = "3" });

    public void Dispose() => _service.Dispose();

    [Fact]
    public async Task A_reminder_three_working_days_ahead_reaches_across_the_lunar_new_year_block()
    {
        var request = TestData.Seizure();
        request.SeizureDate = D(2027, 2, 2);
        var limit = (await _service.Seizures().RegisterSeizureAsync(request)).Assets[0].TimeLimits.Single();
        Assert.Equal(D(2027, 2, 12), limit.DueDate); // 3, 4, 10, 11, 12 February

        // Counted as events: the start-up sweep (Quartz) may be the one that reports, never twice.
        _service.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 3, 3, 0, 0, TimeSpan.Zero));
        await _service.SweepDeadlinesAsync();
        Assert.Equal(0, await ApproachingAsync(limit.Name)); // 3 working days after 3 February: 11 February

        _service.Clock.SetUtcNow(new DateTimeOffset(2027, 2, 4, 3, 0, 0, TimeSpan.Zero));
        await _service.SweepDeadlinesAsync();
        Assert.Equal(1, await ApproachingAsync(limit.Name)); // 3 working days after 4 February: 12 February, eight calendar days on
    }

    private Task<int> ApproachingAsync(string name) =>
        _service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == DeadlineWatch.Approaching && e.Resource == name));


}

/// <summary>What fell due while the service was down is reported when it starts again (the start-up sweep).</summary>
public sealed class DeadlineDownTimeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_time_limit_that_fell_due_while_stopped_is_reported_at_start()
    {
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        string name;
        using (var before = new ServiceFactory(path) { KeepDatabase = true })
        {
            _ = before.LogTo(output);
            name = (await before.Seizures().RegisterSeizureAsync(TestData.Seizure())).Assets[0].TimeLimits.Single().Name;
        }

        using var after = new ServiceFactory(path, new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero));
        _ = after.LogTo(output);

        // The start-up sweep's event is awaited on the event feed (from the first event, so it is seen however soon
        // it came). The bound is real time because the Quartz scheduler fires on its own clock, not the fake one; it
        // only limits how long a broken sweep keeps the test waiting, and no duration is asserted.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var feed = after.Events("supervisor", "").StreamEvents(new StreamEventsRequest(), cancellationToken: patience.Token);
        while (await feed.ResponseStream.MoveNext(patience.Token))
        {
            if (feed.ResponseStream.Current.Event is { Type: DeadlineWatch.Missed } e && e.Resource == name)
            {
                break;
            }
        }

        Assert.Equal(1, await after.WithDbAsync(db => db.Events.CountAsync(e => e.Type == DeadlineWatch.Missed && e.Resource == name)));
    }
}

/// <summary>Two service processes on one SQLite file report each due time limit exactly once between them.</summary>
public sealed class DeadlineTwoInstancesTests
{
    [Fact]
    public async Task A_burst_of_three_hundred_due_limits_is_reported_exactly_once_by_two_hosts_sweeping_together()
    {
        var path = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");
        using var first = new ServiceFactory(path) { KeepDatabase = true };
        var client = first.Seizures();
        for (var act = 0; act < 3; act++)
        {
            await client.RegisterSeizureAsync(TestData.Seizure(assets: [.. Enumerable.Range(0, 100).Select(_ => TestData.Vehicle())]));
        }

        var later = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);
        first.Clock.SetUtcNow(later);
        using var second = new ServiceFactory(path, later);
        _ = second.Server;

        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(_ => new[] { first.SweepDeadlinesAsync(), second.SweepDeadlinesAsync() }));
        await first.SweepDeadlinesAsync();
        await second.SweepDeadlinesAsync();

        var reports = await first.WithDbAsync(db => db.Events.Where(e => e.Type == DeadlineWatch.Missed).Select(e => e.Resource).ToListAsync());
        Assert.Equal(300, reports.Count);
        Assert.Equal(300, reports.Distinct().Count());
        Assert.Equal(300, await first.WithDbAsync(db => db.Deadlines.CountAsync(d => d.OverdueReportedAt != null)));
        Assert.True((await first.Audit().VerifyAuditChainAsync(new VerifyAuditChainRequest())).Intact);
    }
}
