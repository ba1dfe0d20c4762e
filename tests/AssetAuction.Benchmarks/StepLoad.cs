using System.Diagnostics;
using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// A pipeline step on an asset with a long history, against a running Development service (loopback only), for
/// profiling what a write costs as the history grows: prepares one asset with an open auction round and postpones it
/// <c>--earlier</c> times, then postpones it again for <c>--seconds</c> (1 in flight) and prints the rate and latency
/// every 5 s. Usage: steps [--url http://localhost:5080] [--earlier 200] [--seconds 30]
/// </summary>
public static class StepLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var url = new Uri(Option("url", "http://localhost:5080"));
        if (!url.IsLoopback)
        {
            Console.Error.WriteLine("The step load only targets this machine (loopback).");
            return 2;
        }

        var earlier = int.Parse(Option("earlier", "200"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option("seconds", "30"), CultureInfo.InvariantCulture);
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
        var asset = (await seizures.RegisterSeizureAsync(Workload.Seizure(run, 0, office, today), headers)).Assets[0];
        asset = (await pipeline.RecordValuationAsync(Workload.Valuation(asset, today), headers)).Asset;
        asset = (await pipeline.SignAuctionContractAsync(Workload.Contract(asset, organization, today), headers)).Asset;
        asset = (await pipeline.ScheduleAuctionRoundAsync(Workload.Schedule(asset, today), headers)).Asset;
        var steps = 0;
        for (; steps < earlier; steps++)
        {
            asset = (await pipeline.PostponeAuctionRoundAsync(Workload.Postpone(asset, today, steps), headers)).Asset;
        }

        Console.WriteLine($"{asset.Name}: {asset.History.Count} history entries; postponing for {seconds:F0} s");
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var window = Stopwatch.StartNew();
            var latencies = new List<double>();
            while (window.Elapsed.TotalSeconds < 5)
            {
                var started = Stopwatch.GetTimestamp();
                asset = (await pipeline.PostponeAuctionRoundAsync(Workload.Postpone(asset, today, steps++), headers)).Asset;
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{latencies.Count / window.Elapsed.TotalSeconds,7:F0} calls/s  p50 {latencies[latencies.Count / 2],6:F2} ms  p99 {latencies[(int)(latencies.Count * 0.99)],6:F2} ms  history {asset.History.Count}"));
        }

        return 0;
    }
}
