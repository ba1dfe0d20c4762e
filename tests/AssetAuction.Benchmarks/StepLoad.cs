using System.Diagnostics;
using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// A pipeline step on an asset with a long history against the same step on fresh assets, as `compare` measures it,
/// against a running Development service (loopback only), for profiling a write as the history grows: prepares one
/// asset with an open auction round and postpones it <c>--earlier</c> times, then in each round postpones 64 fresh
/// assets once each and the deep one 64 times, in turn (1 in flight) and prints both medians and their ratio.
/// Usage: steps [--url http://localhost:5080] [--earlier 200] [--rounds 3]
/// </summary>
public static class StepLoad
{
    private const int Fresh = 64;

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        if (ToolArgs.LoopbackUrl(args, "step load") is not { } url)
        {
            return 2;
        }

        var earlier = int.Parse(Option("earlier", "200"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("rounds", "3"), CultureInfo.InvariantCulture);
        const string office = "LOAD-S";
        var auth = new AuthOptions { Issuer = "assetauction-dev", Audience = "assetauction", SigningKey = AuthOptions.DevelopmentSigningKey };
        var headers = new Metadata { { "authorization", "Bearer " + Workload.Token(auth, Roles.CaseManagement, office, "step-load") } };
        using var channel = GrpcChannel.ForAddress(url);
        var seizures = new SeizureService.SeizureServiceClient(channel);
        var pipeline = new PipelineService.PipelineServiceClient(channel);
        var organizations = new AuctionOrganizationService.AuctionOrganizationServiceClient(channel);
        var today = Workload.Today();
        var run = Guid.NewGuid().ToString("N")[..8];

        var organization = (await organizations.CreateAuctionOrganizationAsync(Workload.Organization(run), headers)).Organization.Name;
        var next = -1;
        async Task<Asset> ReadyAsync()
        {
            var i = Interlocked.Increment(ref next);
            var asset = (await seizures.RegisterSeizureAsync(Workload.Seizure(run, i, office, today), headers)).Assets[0];
            asset = (await pipeline.RecordValuationAsync(Workload.Valuation(asset, today), headers)).Asset;
            asset = (await pipeline.SignAuctionContractAsync(Workload.Contract(asset, organization, today), headers)).Asset;
            return (await pipeline.ScheduleAuctionRoundAsync(Workload.Schedule(asset, today), headers)).Asset;
        }

        var deep = await ReadyAsync();
        var steps = 0;
        for (; steps < earlier; steps++)
        {
            deep = (await pipeline.PostponeAuctionRoundAsync(Workload.Postpone(deep, today, steps), headers)).Asset;
        }

        Console.WriteLine($"{deep.Name}: {deep.History.Count} history entries; then {rounds} rounds of {Fresh} postponements of fresh assets and {Fresh} of it");
        for (var round = 1; round <= rounds; round++)
        {
            var fresh = new List<Asset>();
            for (var batch = 0; batch < Fresh / 8; batch++)
            {
                fresh.AddRange(await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ReadyAsync())));
            }

            // In turn, one fresh then the deep one, so that both see the same moment of the disk (as compare does).
            var (freshTimes, deepTimes) = (new List<double>(), new List<double>());
            foreach (var asset in fresh)
            {
                var started = Stopwatch.GetTimestamp();
                await pipeline.PostponeAuctionRoundAsync(Workload.Postpone(asset, today, 0), headers);
                freshTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                deep = (await pipeline.PostponeAuctionRoundAsync(Workload.Postpone(deep, today, steps++), headers)).Asset;
                deepTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var (f, d) = (Median(freshTimes), Median(deepTimes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: fresh p50 {f,6:F2} ms, deep p50 {d,6:F2} ms ({deep.History.Count} history entries): {d / f:F2}x"));
        }

        return 0;
    }
}
