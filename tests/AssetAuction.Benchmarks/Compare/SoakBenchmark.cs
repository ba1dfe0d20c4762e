using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// Memory under a long mixed load: starts the real service as `compare` does and drives a mix of writes and reads
/// (seizures 30%, valuations 20%, GetAsset 35%, ListAssets 15%) with event-feed consumers reading beside them, for
/// several minutes. After a warm-up it samples the service's resident memory at each interval and says whether it
/// stayed within 10% of the first sample (issue 10: "memory flat within 10% over a 10-minute mixed load after
/// warm-up"), with the GC's heap and committed memory beside it (from the service's metrics). Usage: soak [--minutes 10] [--warmup 60] [--interval 30] [--in-flight 16] [--streams 4] [--service DLL]
/// </summary>
public static class SoakBenchmark
{
    private const string Office = "SOAK-01";

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        double Number(string name, string fallback) => double.Parse(Option(name, fallback), CultureInfo.InvariantCulture);
        var minutes = Number("minutes", "10");
        var warmUp = TimeSpan.FromSeconds(Number("warmup", "60"));
        var interval = TimeSpan.FromSeconds(Number("interval", "30"));
        var inFlight = (int)Number("in-flight", "16");
        var streams = (int)Number("streams", "4");
        var folder = Path.Combine(Path.GetTempPath(), "assetauction-soak-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var auth = new AuthOptions { Issuer = "assetauction-bench", Audience = "assetauction", SigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
            var serviceDll = Path.GetFullPath(Option("service", Path.Combine(AppContext.BaseDirectory, "AssetAuction.Service.dll")));
            var port = ChildProcess.FreePort();
            var metricsPort = ChildProcess.FreePort();
            using var service = await ServiceUnderTest.StartAsync(serviceDll, folder, auth, port, metricsPort);
            using var runtime = new JitMeter(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
            var mix = new Mix(service, auth);
            using var stop = new CancellationTokenSource();
            var consumers = Enumerable.Range(0, streams).Select(_ => mix.ConsumeEventsAsync(stop.Token)).ToList();

            Console.Error.WriteLine($"soak: warming up for {warmUp.TotalSeconds:F0} s at {inFlight} in flight, {streams} event consumers");
            await Drive.RunAsync(inFlight, warmUp, mix.CallAsync);

            Console.WriteLine($"{"minute",6}  {"calls/s",8}  {"p99 ms",8}  {"failed",6}  {"RSS MB",7}  {"vs first",8}  {"GC heap MB",10}  {"GC commit MB",12}  {"events read",11}");
            var samples = new List<long>();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed.TotalMinutes < minutes)
            {
                var measured = await Drive.RunAsync(inFlight, interval, mix.CallAsync);
                var rss = service.Memory().Now;
                samples.Add(rss);

                // Beside the resident memory, the GC's own figures: a managed heap that grows is a different story from native memory that does.
                var (heap, committed) = await runtime.GcAsync();
                Console.WriteLine($"{clock.Elapsed.TotalMinutes,6:F1}  {measured.PerSecond,8:F0}  {measured.P99,8:F1}  {measured.Failures,6}  {rss,7}  {(double)rss / samples[0],7:F2}x  {heap,10}  {committed,12}  {mix.EventsRead,11}");
            }

            await stop.CancelAsync();
            await Task.WhenAll(consumers);
            var first = samples[0];
            var highest = samples.Max();
            var last = samples[^1];
            var flat = highest <= first * 1.10;
            Console.WriteLine();
            Console.WriteLine($"memory after warm-up: first {first} MB, highest {highest} MB ({(double)highest / first:F2}x), last {last} MB; " +
                $"{(flat ? "FLAT (within 10%)" : "NOT FLAT (more than 10% above the first sample)")}; peak RSS of the run {service.Memory().Peak} MB");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The mixed calls, on assets this run made.</summary>
    private sealed class Mix
    {
        private readonly Metadata _caller;
        private readonly SeizureService.SeizureServiceClient _seizures;
        private readonly PipelineService.PipelineServiceClient _pipeline;
        private readonly EventService.EventServiceClient _events;
        private readonly ConcurrentQueue<Asset> _seized = new();
        // The latest names seized, in a ring: reads pick among them without copying or locking a collection.
        private readonly string?[] _names = new string?[5_000];
        private int _seizedCount;
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];
        private readonly DateOnly _today = Workload.Today();
        private int _number;
        private long _eventsRead;

        public Mix(ChildProcess service, AuthOptions auth)
        {
            _caller = new Metadata { { "authorization", "Bearer " + Workload.Token(auth, Roles.CaseManagement, Office, "soak-case-management") } };
            var channel = GrpcChannel.ForAddress(service.Url);
            _seizures = new SeizureService.SeizureServiceClient(channel);
            _pipeline = new PipelineService.PipelineServiceClient(channel);
            _events = new EventService.EventServiceClient(channel);
        }

        public long EventsRead => Interlocked.Read(ref _eventsRead);

        public async Task<bool> CallAsync(int i)
        {
            var pick = i % 20;
            if (pick < 6 || Volatile.Read(ref _seizedCount) == 0)
            {
                var asset = (await _seizures.RegisterSeizureAsync(Workload.Seizure(_run, Interlocked.Increment(ref _number), Office, _today), _caller)).Assets[0];
                _seized.Enqueue(asset);
                Remember(asset.Name);
            }
            else if (pick < 10 && _seized.TryDequeue(out var seized))
            {
                await _pipeline.RecordValuationAsync(Workload.Valuation(seized, _today), _caller);
            }
            else if (pick < 17)
            {
                await _seizures.GetAssetAsync(new GetAssetRequest { Name = AnyName(i) }, _caller);
            }
            else
            {
                await _seizures.ListAssetsAsync(new ListAssetsRequest { PageSize = 20 }, _caller);
            }

            return true;
        }

        /// <summary>An event-feed consumer reading from the start, as a downstream system would, until stopped.</summary>
        public async Task ConsumeEventsAsync(CancellationToken ct)
        {
            try
            {
                using var call = _events.StreamEvents(new StreamEventsRequest(), _caller, cancellationToken: ct);
                while (await call.ResponseStream.MoveNext(ct))
                {
                    Interlocked.Increment(ref _eventsRead);
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled)
            {
            }
            catch (OperationCanceledException)
            {
            }
        }

        private void Remember(string name)
        {
            var n = Interlocked.Increment(ref _seizedCount);
            Volatile.Write(ref _names[(n - 1) % _names.Length], name);
        }

        // Any name seized so far (of the latest 5,000), so reads hit assets of every age.
        private string AnyName(int i)
        {
            var known = Math.Min(Volatile.Read(ref _seizedCount), _names.Length);
            for (var slot = i % known; ; slot = (slot + 1) % known)
            {
                if (Volatile.Read(ref _names[slot]) is { } name)
                {
                    return name;
                }
            }
        }
    }
}
