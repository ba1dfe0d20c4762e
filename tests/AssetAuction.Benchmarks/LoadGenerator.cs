using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks;

/// <summary>
/// Registers seizures against a running service (loopback only) and reports throughput and latency; with
/// <c>--rpc RecordValuation</c>, registers the seizures first (untimed, 8 in flight) and measures valuing them, a
/// pipeline step, as `compare` does, for profiling a step under load.
/// Usage: load [--url http://localhost:5080] [--requests 2000] [--concurrency 8] [--rpc RegisterSeizure|RecordValuation]
/// Uses the development signing key, so point it at a Development instance.
/// </summary>
public static class LoadGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        if (ToolArgs.LoopbackUrl(args, "load generator") is not { } url)
        {
            return 2;
        }

        var total = int.Parse(Option("requests", "2000"), System.Globalization.CultureInfo.InvariantCulture);
        var concurrency = int.Parse(Option("concurrency", "8"), System.Globalization.CultureInfo.InvariantCulture);
        var auth = new AuthOptions { Issuer = "assetauction-dev", Audience = "assetauction", SigningKey = AuthOptions.DevelopmentSigningKey };
        var token = Workload.Token(auth, Roles.CaseManagement, "LOAD-01", "load-generator");
        using var channel = GrpcChannel.ForAddress(url);
        var client = new SeizureService.SeizureServiceClient(channel);
        var headers = new Metadata { { "authorization", $"Bearer {token}" } };
        var run = Guid.NewGuid().ToString("N")[..8];
        var today = Workload.Today();
        var rpc = Option("rpc", "RegisterSeizure");
        Measured result;
        if (rpc == "RecordValuation")
        {
            var pipeline = new PipelineService.PipelineServiceClient(channel);
            var seized = new Asset[total];
            await Drive.RunAsync(8, TimeSpan.MaxValue, async i =>
            {
                seized[i] = (await client.RegisterSeizureAsync(Workload.Seizure(run, i, "LOAD-01", today), headers)).Assets[0];
                return true;
            }, total);
            result = await Drive.RunAsync(concurrency, TimeSpan.MaxValue, async i =>
            {
                if (seized[i] is not { } asset)
                {
                    return false; // its registration failed (reported above): this worker stops instead of crashing the run
                }

                await pipeline.RecordValuationAsync(Workload.Valuation(asset, today), headers);
                return true;
            }, total);
        }
        else if (rpc == "RegisterSeizure")
        {
            result = await Drive.RunAsync(concurrency, TimeSpan.MaxValue, async i =>
            {
                await client.RegisterSeizureAsync(Workload.Seizure(run, i, "LOAD-01", today), headers);
                return true;
            }, total);
        }
        else
        {
            Console.Error.WriteLine("--rpc is RegisterSeizure or RecordValuation.");
            return 2;
        }

        Console.WriteLine($"{total} {rpc} calls, concurrency {concurrency}, {result.Failures} failed, {result.PerSecond:F0} calls/s");
        Console.WriteLine($"latency ms: p50 {result.P50:F1}  p95 {result.P95:F1}  p99 {result.P99:F1}  max {result.Max:F1}");
        return result.Failures == 0 ? 0 : 1;
    }
}
