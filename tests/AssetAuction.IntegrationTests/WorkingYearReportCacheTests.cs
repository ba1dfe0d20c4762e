using AssetAuction.Contracts.V1;
using AssetAuction.Domain.Statistics;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using AssetAuction.Service.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// Reports come from each office's cached figures, recomputed only for offices with a later event. Every report
/// read here through the API is compared with the from-scratch computation of the same data, before and after a
/// back-dated act in one office and after a new office's first seizure. The fake clock stands at 2026-11-23;
/// "1 month" of working year 2027 is October 2026.
/// </summary>
public sealed class WorkingYearReportCacheTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private const string OtherHanoiOffice = "HN-KV2";
    private const string NewOffice = "DN-KV1";
    private static readonly ReportPeriod October = new() { WorkingYear = 2027, Months = 1 };

    private StatisticsService.StatisticsServiceClient Supervisor => new(service.Channel(service.Token(Roles.Supervisor)));

    private async Task<Asset> SeizeAsync(string office, int day)
    {
        var request = TestData.Seizure(null, office, TestData.Land());
        request.SeizureDate = PipelineDriver.D(2026, 10, day);
        request.EnforcementCase.DecisionDate = PipelineDriver.D(2026, 9, 1);
        return (await service.Seizures(office: office).RegisterSeizureAsync(request)).Assets[0];
    }

    private async Task<WorkingYearReport> ReportAsync(ReportScope scope) =>
        (await Supervisor.GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Scope = scope, Period = October })).Report;

    /// <summary>The digest and offices of the same report computed from every fact, with no cache.</summary>
    private async Task<(string Digest, IReadOnlyList<string> Offices)> FromScratchAsync(IReadOnlyList<string>? offices)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<ReportBuilder>();
        var (figures, seen) = await builder.ComputeFromScratchAsync(offices, new WorkingYear(2027, 1), CancellationToken.None);
        return (ReportLines.Digest(ReportLines.Csv(ReportLines.Of(figures))), seen);
    }

    /// <summary>Every scope's report through the API equals its from-scratch computation; the country's report is returned.</summary>
    private async Task<WorkingYearReport> AssertEveryScopeEqualsFromScratchAsync()
    {
        var country = await ReportAsync(new ReportScope { Country = true });
        var fresh = await FromScratchAsync(null);
        Assert.Equal(fresh.Digest, country.Digest);
        Assert.Equal(fresh.Offices, country.Offices);

        var province = await ReportAsync(new ReportScope { Province = "Hà Nội" });
        Assert.Equal((await FromScratchAsync(province.Offices)).Digest, province.Digest);
        foreach (var office in country.Offices)
        {
            Assert.Equal((await FromScratchAsync([office])).Digest, (await ReportAsync(new ReportScope { Office = office })).Digest);
        }

        return country;
    }

    [Fact]
    public async Task Cached_reports_equal_the_from_scratch_computation_after_a_back_dated_act_and_a_new_office()
    {
        var toValue = await SeizeAsync(TestData.Office, 10);
        await SeizeAsync(TestData.Office, 11);
        await SeizeAsync(OtherHanoiOffice, 12);
        await SeizeAsync(TestData.OtherOffice, 13);

        // The first reports fill the cache; asked again, nothing has changed and they are the same.
        var before = await AssertEveryScopeEqualsFromScratchAsync();
        Assert.Equal(before.Digest, (await AssertEveryScopeEqualsFromScratchAsync()).Digest);
        var otherOffice = await ReportAsync(new ReportScope { Office = TestData.OtherOffice });
        Assert.Equal((4L, 4L, 0L), (before.Assets.NewlySeized, before.Assets.RemainingAwaitingValuation, before.Assets.RemainingAwaitingSale));

        // Recorded today, dated 20 October: HN-KV1's figures change, and so do the province's and the country's.
        await new PipelineDriver(service, toValue).ValueAsync(1_000_000_000, new DateOnly(2026, 10, 20));
        var after = await AssertEveryScopeEqualsFromScratchAsync();
        Assert.NotEqual(before.Digest, after.Digest);
        Assert.Equal((3L, 1L, 1_000_000_000L), (after.Assets.RemainingAwaitingValuation, after.Assets.RemainingAwaitingSale, after.Money.ValueUnderSeizure));
        Assert.Equal(otherOffice.Digest, (await ReportAsync(new ReportScope { Office = TestData.OtherOffice })).Digest);

        // An office whose first seizure comes after the country's report was cached joins it.
        Assert.DoesNotContain(NewOffice, after.Offices);
        await SeizeAsync(NewOffice, 14);
        var joined = await AssertEveryScopeEqualsFromScratchAsync();
        Assert.Contains(NewOffice, joined.Offices);
        Assert.Equal(5, joined.Assets.NewlySeized);
    }

    [Fact]
    public async Task The_service_computes_this_month_s_and_last_month_s_country_report_when_it_starts()
    {
        // The clock stands at 2026-11-23: working year 2027 to November, and to October.
        var periods = ReportWarmUp.PeriodsAt(service.Clock.GetUtcNow());
        Assert.Equal([new WorkingYear(2027, 2), new WorkingYear(2027, 1)], periods);

        var warmUp = service.Services.GetServices<IHostedService>().OfType<ReportWarmUp>().Single();
        await warmUp.ExecuteTask!;
        var options = service.Services.GetRequiredService<IOptions<StatisticsOptions>>().Value;
        var thresholds = new ProblemThresholds(options.LargeSumThreshold, options.OldCaseYears, options.StuckDays);
        var cache = service.Services.GetRequiredService<OfficePartialCache>();
        Assert.All(periods, p => Assert.True(cache.HoldsCountry(p, thresholds)));
        Assert.False(cache.HoldsCountry(new WorkingYear(2026, 12), thresholds));
    }
}
