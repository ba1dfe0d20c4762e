using System.Diagnostics;
using System.Globalization;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Type;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// Read load against a running Development service (loopback only): registers some seizures once, then drives
/// GetAsset (a random one of them) and ListAssets (first page of 20 of the office) for a fixed time at each
/// concurrency, beside the liveness health check (the same host and interceptors, no handler work) as a
/// same-minute reference. Several rounds alternate the scenarios so that the machine's other load falls on all.
/// Usage: reads [--url http://localhost:5080] [--assets 300] [--seconds 5] [--concurrency 1,64] [--rounds 2]
/// [--signing-key KEY] (a service outside Development refuses the development key)
/// </summary>
public static class ReadLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        if (ToolArgs.LoopbackUrl(args, "read load") is not { } url)
        {
            return 2;
        }

        var assets = int.Parse(Option("assets", "300"), CultureInfo.InvariantCulture);
        var seconds = double.Parse(Option("seconds", "5"), CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option("rounds", "2"), CultureInfo.InvariantCulture);
        var levels = Option("concurrency", "1,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var office = Option("office", "LOAD-R");

        var auth = new AuthOptions { Issuer = "assetauction-dev", Audience = "assetauction", SigningKey = Option("signing-key", AuthOptions.DevelopmentSigningKey) };
        var token = TokenMinter.Mint(auth, "read-load", Roles.CaseManagement, office, "", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));
        using var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } });
        var seizures = new SeizureService.SeizureServiceClient(channel);
        var health = new Health.HealthClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };

        var names = await SeedAsync(seizures, headers, office, assets);
        Console.WriteLine($"{names.Count} assets in office {office}; {seconds:F0} s per scenario, {rounds} rounds");

        var scenarios = new (string Name, Func<int, Task> Call)[]
        {
            ("liveness", _ => health.CheckAsync(new HealthCheckRequest { Service = "liveness" }).ResponseAsync),
            ("GetAsset", i => seizures.GetAssetAsync(new GetAssetRequest { Name = names[i % names.Count] }, headers).ResponseAsync),
            ("ListAssets20", _ => seizures.ListAssetsAsync(new ListAssetsRequest { PageSize = 20 }, headers).ResponseAsync),
        };

        foreach (var (name, call) in scenarios)
        {
            await RunAsync(call, 8, TimeSpan.FromSeconds(1)); // warm-up: JIT, connection, query plans
        }

        for (var round = 1; round <= rounds; round++)
        {
            foreach (var concurrency in levels)
            {
                foreach (var (name, call) in scenarios)
                {
                    var result = await RunAsync(call, concurrency, TimeSpan.FromSeconds(seconds));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round}  {name,-13} x{concurrency,-3} {result.PerSecond,8:F0} calls/s  p50 {result.P50,6:F1} ms  p99 {result.P99,6:F1} ms  {result.Failures} failed"));
                }
            }
        }

        return 0;
    }

    private static async Task<List<string>> SeedAsync(SeizureService.SeizureServiceClient client, Metadata headers, string office, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var names = new List<string>(count);
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var response = await client.RegisterSeizureAsync(Seizure(run, office, i), headers);
                lock (names)
                {
                    names.Add(response.Assets[0].Name);
                }
            }
        }));
        return names;
    }

    private static async Task<(double PerSecond, double P50, double P99, int Failures)> RunAsync(Func<int, Task> call, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var counter = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(Interlocked.Increment(ref counter));
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref failures);
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return (all.Length / elapsed, all[all.Length / 2], all[(int)(all.Length * 0.99)], failures);
    }

    private static RegisterSeizureRequest Seizure(string run, string office, int i) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        EnforcementCase = new EnforcementCase { CaseNumber = $"READ-{run}-{i}", DecisionNumber = "1/QĐ", DecisionDate = new Date { Year = 2026, Month = 1, Day = 5 }, Office = office, Officer = "load" },
        Debtors = { new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + i, IdentityNumber = "0010" + i.ToString("D8", CultureInfo.InvariantCulture), Address = "1 Phố Huế, Hà Nội" } },
        SeizureDate = new Date { Year = 2026, Month = 2, Day = 2 },
        MinutesNumber = "BB-" + i,
        Assets =
        {
            new NewAsset
            {
                Description = "Quyền sử dụng đất thửa " + i,
                LandUseRight = new LandUseRight { Province = "READ", Commune = run, MapSheetNumber = "1", ParcelNumber = i.ToString(CultureInfo.InvariantCulture), AreaM2 = 100, LandUsePurpose = "ODT", Address = "1 Phố Huế" },
                Owners = { new Owner { Party = new Party { Type = Party.Types.Type.Individual, FullName = "Debtor " + i }, JudgmentDebtor = true, ShareNumerator = 1, ShareDenominator = 1 } },
            },
        },
    };
}
