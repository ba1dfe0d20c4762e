using System.Diagnostics;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Type;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// Registers seizures against a running service (loopback only) and reports throughput and latency.
/// Usage: load [--url http://localhost:5080] [--requests 2000] [--concurrency 8]
/// Uses the development signing key, so point it at a Development instance.
/// </summary>
public static class LoadGenerator
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
            Console.Error.WriteLine("The load generator only targets this machine (loopback).");
            return 2;
        }

        var total = int.Parse(Option("requests", "2000"), System.Globalization.CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option("concurrency", "8"), System.Globalization.CultureInfo.InvariantCulture);
        var auth = new AuthOptions { Issuer = "assetauction-dev", Audience = "assetauction", SigningKey = AuthOptions.DevelopmentSigningKey };
        var token = TokenMinter.Mint(auth, "load-generator", Roles.CaseManagement, "LOAD-01", "", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1)); // the service refuses tokens that live longer than Auth:MaxTokenLifetime
        using var channel = GrpcChannel.ForAddress(url);
        var client = new SeizureService.SeizureServiceClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        var run = Guid.NewGuid().ToString("N")[..8];
        var latencies = new double[total];
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await client.RegisterSeizureAsync(Request(run, i), headers);
                }
                catch (RpcException e)
                {
                    Interlocked.Increment(ref failures);
                    Console.Error.WriteLine($"request {i}: {e.Status}");
                }

                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"{total} RegisterSeizure calls, concurrency {concurrency}, {failures} failed, {total / clock.Elapsed.TotalSeconds:F0} calls/s");
        Console.WriteLine($"latency ms: p50 {latencies[total / 2]:F1}  p95 {latencies[(int)(total * 0.95)]:F1}  p99 {latencies[(int)(total * 0.99)]:F1}  max {latencies[^1]:F1}");
        return failures == 0 ? 0 : 1;
    }

    private static RegisterSeizureRequest Request(string run, int i) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        EnforcementCase = new EnforcementCase { CaseNumber = $"LOAD-{run}-{i}", DecisionNumber = "1/QĐ", DecisionDate = new Date { Year = 2026, Month = 1, Day = 5 }, Office = "LOAD-01", Officer = "load" },
        Debtors = { new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + i } },
        SeizureDate = new Date { Year = 2026, Month = 2, Day = 2 },
        MinutesNumber = "BB-" + i,
        Assets =
        {
            new NewAsset
            {
                LandUseRight = new LandUseRight { Province = "LOAD", Commune = run, MapSheetNumber = "1", ParcelNumber = i.ToString(System.Globalization.CultureInfo.InvariantCulture), AreaM2 = 100, LandUsePurpose = "ODT" },
                Owners = { new Owner { Party = new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + i }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 } },
            },
        },
    };
}
