using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AssetAuction.Contracts.V1;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace AssetAuction.Benchmarks.Compare;

/// <summary>
/// One run that puts the service's speed next to what this machine allows: a bare echo gRPC service and the real
/// service (Release, fresh SQLite database in a temporary folder, Production environment, logging at Warning), both
/// driven by the same client code, and raw durable SQLite commits on the same disk. Prints a table of calls/s, p50,
/// p99 and each ratio against its baseline. Both servers are first warmed up until the service's JIT is quiet
/// (<see cref="Run.WarmUpAsync"/>): a service measured while it still compiles is measured at a fraction of its speed.
/// Usage: compare [--seconds 3] [--lines 100000] [--warm-up 180] [--keep] [--service PATH/AssetAuction.Service.dll]
/// (--warm-up: at most so many seconds; --service measures another build of the service, for example an earlier
/// commit's, with the same client.)
/// </summary>
public static class CompareBenchmark
{
    private const string Office = "BENCH-01";
    private const string OtherOffice = "BENCH-02";

    /// <summary>The service's Limits:MaxRequestMessageBytes default: a statement above it is refused before it is read.</summary>
    private const int MaxRequestBytes = 4 * 1024 * 1024;

    /// <summary>ImportStatement's validator: csv_content holds at most 5,000,000 characters.</summary>
    private const int MaxCsvChars = 5_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        var seconds = TimeSpan.FromSeconds(double.Parse(Option("seconds", "3"), CultureInfo.InvariantCulture));
        var statementLines = int.Parse(Option("lines", "100000"), CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "assetauction-compare-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var total = Stopwatch.StartNew();
        try
        {
            var auth = new AuthOptions { Issuer = "assetauction-bench", Audience = "assetauction", SigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
            Progress($"temporary folder {folder}; starting the echo service and the real service");
            var echoPort = ChildProcess.FreePort();
            using var echo = await ChildProcess.StartAsync("AssetAuction.Benchmarks.dll", new Dictionary<string, string>
            {
                ["DOTNET_gcServer"] = "1", // as the service (Web SDK default), so both baselines collect alike
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            }, echoPort, "echo-server", "--port", echoPort.ToString(CultureInfo.InvariantCulture));
            var grpcPort = ChildProcess.FreePort();
            var metricsPort = ChildProcess.FreePort();
            var serviceDll = Path.GetFullPath(Option("service", Path.Combine(AppContext.BaseDirectory, "AssetAuction.Service.dll")));
            using var service = await ServiceUnderTest.StartAsync(serviceDll, folder, auth, grpcPort, metricsPort);
            var started = service.Memory();
            var run = new Run(echo, service, auth, seconds);
            using var jit = new JitMeter(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
            var warmUp = await run.WarmUpAsync(jit, TimeSpan.FromSeconds(double.Parse(Option("warm-up", "180"), CultureInfo.InvariantCulture)));
            var rows = await run.AllAsync(folder, statementLines);
            var (now, peak) = service.Memory();
            Print(rows, run.CpuPerCall);
            Console.WriteLine();
            Console.WriteLine($"memory: service {started.Now} MB after start, {now} MB at the end, peak {peak} MB (VmRSS/VmHWM); echo {echo.Memory().Now} MB");
            Console.WriteLine($"whole run {total.Elapsed.TotalSeconds:F0} s; {warmUp}; {run.Notes}");
            return 0;
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Progress(string message) => Console.Error.WriteLine($"compare: {message}");

    /// <summary>The table; <paramref name="cpu"/> gives a row's server CPU per call in µs (NaN when not measured).</summary>
    private static void Print(List<Row> rows, Func<Measured, double> cpu)
    {
        static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture);
        static string Us(double value) => double.IsNaN(value) ? "-" : value.ToString("F0", CultureInfo.InvariantCulture);
        var width = rows.Max(r => r.What.Length);
        Console.WriteLine($"{"what".PadRight(width)}  in flight  {"calls/s",9}  {"p50 ms",8}  {"p99 ms",8}  {"failed",6}  {"cpu µs",7}  ratio");
        foreach (var row in rows)
        {
            var m = row.Result;
            Console.WriteLine($"{row.What.PadRight(width)}  {m.InFlight,9}  {m.PerSecond,9:F0}  {Ms(m.P50),8}  {Ms(m.P99),8}  {m.Failures,6}  {Us(cpu(m)),7}  {row.Ratio}");
        }
    }

    private sealed record Row(string What, Measured Result, string Ratio);

    /// <summary>The sections of one run, in order; each is bounded by <c>seconds</c> (the import by its own length).</summary>
    private sealed class Run
    {
        private static readonly int[] InFlight = [1, 64];
        private readonly TimeSpan _seconds;
        private readonly Metadata _caseManagement;
        private readonly Metadata _otherOffice;
        private readonly Metadata _finance;
        private readonly CallInvoker _echo;
        private readonly SeizureService.SeizureServiceClient _seizures;
        private readonly PipelineService.PipelineServiceClient _pipeline;
        private readonly DateOnly _today = Workload.Today();
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];
        private readonly ConcurrentQueue<Asset> _seized = new();
        private readonly ConcurrentQueue<Asset> _valued = new();
        private readonly ConcurrentBag<string> _names = [];
        private readonly GrpcChannel _serviceChannel;
        private readonly ChildProcess _echoProcess;
        private readonly ChildProcess _serviceProcess;

        // The server's CPU per call of each measured section, by the section's result: a ratio of calls per second
        // moves with the machine's load from minute to minute, CPU per call much less.
        private readonly Dictionary<Measured, double> _cpu = new(ReferenceEqualityComparer.Instance);
        private int _seizureNumber;

        public Run(ChildProcess echo, ChildProcess service, AuthOptions auth, TimeSpan seconds)
        {
            _seconds = seconds;
            _echoProcess = echo;
            _serviceProcess = service;
            static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
            _caseManagement = Bearer(Workload.Token(auth, Roles.CaseManagement, Office, "bench-case-management"));
            _otherOffice = Bearer(Workload.Token(auth, Roles.CaseManagement, OtherOffice, "bench-other-office"));
            _finance = Bearer(Workload.Token(auth, Roles.Finance, Office, "bench-finance"));

            // The same channel settings for both servers; no message size limit on the client (an import's answer lists its unmatched lines).
            var options = new GrpcChannelOptions { MaxReceiveMessageSize = null, MaxSendMessageSize = null };
            _echo = GrpcChannel.ForAddress(echo.Url, options).CreateCallInvoker();
            _serviceChannel = GrpcChannel.ForAddress(service.Url, options);
            _seizures = new SeizureService.SeizureServiceClient(_serviceChannel);
            _pipeline = new PipelineService.PipelineServiceClient(_serviceChannel);
        }

        public string Notes { get; private set; } = "";

        /// <summary>The CPU the server (the echo or the service) used per call in <paramref name="measured"/>'s section, in µs; NaN when not measured.</summary>
        public double CpuPerCall(Measured measured) => _cpu.TryGetValue(measured, out var micros) ? micros : double.NaN;

        /// <summary>
        /// Before anything is measured, the calls measured later (writes, a pipeline step, reads, the echo) are made in
        /// a mix, 16 in flight, in windows of 5 s, until the service's JIT spent under 1% of a core in the last window
        /// or <paramref name="most"/> has passed. A short warm-up before each section (see <see cref="Measure"/>) then
        /// only settles the connection pool at that section's concurrency.
        /// </summary>
        public async Task<string> WarmUpAsync(JitMeter jit, TimeSpan most)
        {
            var window = TimeSpan.FromSeconds(5);
            var clock = Stopwatch.StartNew();
            var calls = 0;
            var before = await jit.SecondsAsync();
            var probe = new GetAssetRequest { Name = "assets/01JD0000000000000000000000" };
            while (true)
            {
                var names = _names.ToArray();
                var mixed = await Drive.RunAsync(16, window, async i =>
                {
                    switch (i % 5)
                    {
                        case 1 when _seized.TryDequeue(out var asset):
                            _valued.Enqueue((await _pipeline.RecordValuationAsync(Workload.Valuation(asset, _today), _caseManagement)).Asset);
                            break;
                        case 2 when names.Length > 0:
                            await _seizures.GetAssetAsync(new GetAssetRequest { Name = names[i % names.Length] }, _caseManagement);
                            break;
                        case 3:
                            await _seizures.ListAssetsAsync(new ListAssetsRequest { PageSize = 20 }, _caseManagement);
                            break;
                        case 4:
                            await _echo.AsyncUnaryCall(EchoServer.Echo, null, new CallOptions(_caseManagement), probe);
                            break;
                        default:
                            await RegisterAsync(i);
                            break;
                    }

                    return true;
                });
                calls += mixed.Calls;
                var now = await jit.SecondsAsync();
                var share = (now - before) / mixed.Elapsed.TotalSeconds;
                before = now;
                Progress($"warm-up: {clock.Elapsed.TotalSeconds:F0} s, {calls} calls; the service's JIT used {share:P1} of a core in the last {mixed.Elapsed.TotalSeconds:F0} s");
                if (share < 0.01 || clock.Elapsed >= most)
                {
                    return $"warm-up {clock.Elapsed.TotalSeconds:F0} s ({calls} calls) until the service's JIT used {share:P1} of a core";
                }
            }
        }

        public async Task<List<Row>> AllAsync(string folder, int statementLines)
        {
            var rows = new List<Row>();
            var raw = await Section("raw SQLite commit (WAL, synchronous=FULL, 1 row/tx)", () => RawCommits.RunAsync(Path.Combine(folder, "raw.db"), _seconds));
            rows.Add(new Row("raw SQLite commit (WAL, FULL, 1 row/tx)", raw, "baseline for writes"));
            string VsRaw(Measured m) => $"{m.PerSecond / raw.PerSecond:F2}x raw commit";

            var echo = new Dictionary<int, Measured>();
            var probe = new GetAssetRequest { Name = "assets/01JD0000000000000000000000" };
            foreach (var n in InFlight)
            {
                echo[n] = await Measure($"echo, {n} in flight", n, async _ =>
                {
                    await _echo.AsyncUnaryCall(EchoServer.Echo, null, new CallOptions(_caseManagement), probe);
                    return true;
                }, server: _echoProcess);
                rows.Add(new Row("echo (bare Grpc.AspNetCore)", echo[n], "baseline for reads"));
            }

            foreach (var n in InFlight)
            {
                var seized = await Measure($"RegisterSeizure, {n} in flight", n, RegisterAsync);
                rows.Add(new Row("RegisterSeizure", seized, VsRaw(seized)));
            }

            // The ceiling the storage alone puts on writes (see StorageFloor): the service's own rows of its latest
            // registrations inserted again by one thread, as group commit batches them; its CPU column is this process's.
            foreach (var batch in (int[])[16, 64])
            {
                var floor = await StorageFloorAsync(folder, batch);
                rows.Add(new Row($"storage alone: RegisterSeizure's rows, {batch}/commit", floor, $"{VsRaw(floor)} (a ceiling)"));
            }

            foreach (var n in InFlight)
            {
                // Each valuation takes a fresh seized asset: top the pool up first (untimed) so it cannot run dry mid-run.
                await TopUpAsync(_seized, rows.Last(r => r.What == "RegisterSeizure").Result.PerSecond * (_seconds.TotalSeconds + 1) * 2);
                var valued = await Measure($"RecordValuation, {n} in flight", n, async _ =>
                {
                    if (!_seized.TryDequeue(out var asset))
                    {
                        return false;
                    }

                    _valued.Enqueue((await _pipeline.RecordValuationAsync(Workload.Valuation(asset, _today), _caseManagement)).Asset);
                    return true;
                });
                rows.Add(new Row("RecordValuation (pipeline step)", valued, VsRaw(valued)));
            }

            var names = _names.ToArray();
            foreach (var n in InFlight)
            {
                var read = await Measure($"GetAsset, {n} in flight", n, async i =>
                {
                    await _seizures.GetAssetAsync(new GetAssetRequest { Name = names[i % names.Length] }, _caseManagement);
                    return true;
                });
                rows.Add(new Row("GetAsset", read, $"{read.PerSecond / echo[n].PerSecond:F3}x echo"));
            }

            foreach (var n in InFlight)
            {
                var list = await Measure($"ListAssets (page of 20), {n} in flight", n, async _ =>
                {
                    await _seizures.ListAssetsAsync(new ListAssetsRequest { PageSize = 20 }, _caseManagement);
                    return true;
                });
                rows.Add(new Row("ListAssets (page of 20)", list, $"{list.PerSecond / echo[n].PerSecond:F3}x echo"));
            }

            // The same page from the echo: the service's answer, kept by the echo and sent back as bytes, parsed by the
            // client as a ListAssetsResponse. What moving and reading a page costs without the service (a ceiling).
            var page = await _seizures.ListAssetsAsync(new ListAssetsRequest { PageSize = 20 }, _caseManagement);
            await _echo.AsyncUnaryCall(EchoServer.Keep, null, new CallOptions(_caseManagement), page.ToByteArray());
            foreach (var n in InFlight)
            {
                var echoed = await Measure($"echo of a ListAssets page ({page.CalculateSize() / 1024} KB), {n} in flight", n, async _ =>
                {
                    await _echo.AsyncUnaryCall(EchoServer.Page, null, new CallOptions(_caseManagement), new ListAssetsRequest { PageSize = 20 });
                    return true;
                }, server: _echoProcess);
                rows.Add(new Row($"echo answering that page ({page.CalculateSize() / 1024} KB)", echoed, $"{echoed.PerSecond / echo[n].PerSecond:F3}x echo (a ceiling)"));
            }

            rows.AddRange(await HistoryAsync());
            rows.AddRange(await ImportAsync(statementLines));
            return rows;
        }

        private async Task<Measured> StorageFloorAsync(string folder, int batch)
        {
            var result = await StorageFloor.RunAsync(Path.Combine(folder, "service.db"), folder, batch, 5_000);
            _cpu[result.Measured] = result.CpuMicrosPerWrite;
            var m = result.Measured;
            Progress($"storage alone, {batch} writes per commit: {m.Calls} writes after {result.Prefilled} unmeasured, {m.PerSecond:F0}/s, {result.CpuMicrosPerWrite:F0} µs of CPU per write, commit p50 {m.P50:F2} ms");
            return m;
        }

        private async Task<bool> RegisterAsync(int _)
        {
            var response = await _seizures.RegisterSeizureAsync(Workload.Seizure(_run, Interlocked.Increment(ref _seizureNumber), Office, _today), _caseManagement);
            _seized.Enqueue(response.Assets[0]);
            _names.Add(response.Assets[0].Name);
            return true;
        }

        /// <summary>Registers seizures (64 in flight, not measured) until <paramref name="pool"/> holds <paramref name="wanted"/> assets.</summary>
        private async Task TopUpAsync(ConcurrentQueue<Asset> pool, double wanted)
        {
            var missing = (int)Math.Ceiling(wanted) - pool.Count;
            if (missing > 0)
            {
                Progress($"registering {missing} more seizures for the next section");
                await Drive.RunAsync(64, TimeSpan.MaxValue, RegisterAsync, missing);
            }
        }

        /// <summary>
        /// A write on an asset with 200 earlier steps against the same write on a fresh one: PostponeAuctionRound, 1 in
        /// flight, on one asset postponed 200 times before (its history keeps growing while measured), and once each on
        /// assets that have only their seizure, valuation, contract and first round behind them.
        /// </summary>
        private async Task<List<Row>> HistoryAsync()
        {
            const int Fresh = 64;
            const int Earlier = 200;
            Progress($"preparing {Fresh + 1} assets with an open auction round and one of them with {Earlier} postponements");
            var organizations = new AuctionOrganizationService.AuctionOrganizationServiceClient(_serviceChannel);
            var organization = (await organizations.CreateAuctionOrganizationAsync(Workload.Organization(_run), _caseManagement)).Organization.Name;
            await TopUpAsync(_seized, Math.Max(0, Fresh + 1 - _valued.Count));
            while (_valued.Count < Fresh + 1 && _seized.TryDequeue(out var asset))
            {
                _valued.Enqueue((await _pipeline.RecordValuationAsync(Workload.Valuation(asset, _today), _caseManagement)).Asset);
            }

            var ready = new ConcurrentQueue<Asset>();
            var prepared = await Drive.RunAsync(16, TimeSpan.MaxValue, async _ =>
            {
                if (!_valued.TryDequeue(out var asset))
                {
                    return false;
                }

                asset = (await _pipeline.SignAuctionContractAsync(Workload.Contract(asset, organization, _today), _caseManagement)).Asset;
                ready.Enqueue((await _pipeline.ScheduleAuctionRoundAsync(Workload.Schedule(asset, _today), _caseManagement)).Asset);
                return true;
            }, Fresh + 1);
            if (prepared.Failures > 0 || !ready.TryDequeue(out var deep))
            {
                throw new InvalidOperationException("The assets for the history comparison could not be prepared (see the errors above).");
            }

            for (var i = 0; i < Earlier; i++)
            {
                deep = (await _pipeline.PostponeAuctionRoundAsync(Workload.Postpone(deep, _today, i), _caseManagement)).Asset;
            }

            // One fresh asset, then the deep one, in turn, so that both see the same moment of the disk. Measured one
            // after the other, the drift of a commit's fsync over a minute on this machine (the same fresh write's
            // p50 went from 3 to 8 ms between two runs) moved the ratio by more than the history did.
            var (freshTimes, deepTimes) = (new List<double>(), new List<double>());
            var steps = Earlier;
            var cpuBefore = _serviceProcess.ProcessorTime();
            while (freshTimes.Count < Fresh && ready.TryDequeue(out var asset))
            {
                var started = Stopwatch.GetTimestamp();
                await _pipeline.PostponeAuctionRoundAsync(Workload.Postpone(asset, _today, 0), _caseManagement);
                freshTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                started = Stopwatch.GetTimestamp();
                deep = (await _pipeline.PostponeAuctionRoundAsync(Workload.Postpone(deep, _today, steps++), _caseManagement)).Asset;
                deepTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            var pairCpu = (_serviceProcess.ProcessorTime() - cpuBefore).TotalMicroseconds / Math.Max(1, freshTimes.Count);
            var fresh = await Section("PostponeAuctionRound on fresh assets, 1 in flight (in turn with the deep one)", () => Task.FromResult(Alone(freshTimes)));
            var old = await Section($"PostponeAuctionRound on the asset with {Earlier} earlier steps, 1 in flight (in turn with the fresh ones)", () => Task.FromResult(Alone(deepTimes)));
            Notes += $"the {Earlier}-step asset ended with {deep.History.Count} history entries ({pairCpu:F0} µs of service CPU per fresh and deep pair); ";
            return
            [
                new Row("PostponeAuctionRound, fresh asset (4 earlier steps)", fresh, "baseline for history"),
                new Row($"PostponeAuctionRound, asset with {Earlier}+ earlier steps", old, $"{old.P50 / fresh.P50:F2}x fresh (p50)"),
            ];
        }

        /// <summary>
        /// A statement of <paramref name="lines"/> lines through ImportStatement (split only as far as the request limits
        /// force), while another office registers seizures, 4 in flight, for as long as the import lasts.
        /// </summary>
        private async Task<List<Row>> ImportAsync(int lines)
        {
            // Characters are ASCII here, so characters = bytes; leave room for the request's other fields.
            var statements = Workload.Statements(lines, Math.Min(MaxCsvChars, MaxRequestBytes - 1024), _today);
            var proceeds = new ProceedsService.ProceedsServiceClient(_serviceChannel);
            Progress($"ImportStatement: {lines:N0} lines in {statements.Count} statement(s) of {string.Join(", ", statements.Select(s => $"{s.Length / 1e6:F1} MB"))}, with {OtherOffice} writing beside it");
            var importing = true;
            var clock = Stopwatch.StartNew();
            var import = Task.Run(async () =>
            {
                var read = 0;
                var latencies = new List<double>();
                try
                {
                    foreach (var (csv, n) in statements.Select((s, n) => (s, n)))
                    {
                        var started = Stopwatch.GetTimestamp();
                        var response = await proceeds.ImportStatementAsync(new ImportStatementRequest { RequestId = Guid.NewGuid().ToString(), Office = Office, StatementId = $"SK-{_run}-{n + 1}", CsvContent = csv }, _finance);
                        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        read += response.LinesRead;
                    }
                }
                finally
                {
                    importing = false;
                }

                return (read, latencies);
            });
            await Task.Delay(200);
            var otherNumber = 0;
            var beside = await Drive.RunAsync(4, TimeSpan.MaxValue, async _ =>
            {
                if (!Volatile.Read(ref importing))
                {
                    return false;
                }

                await _seizures.RegisterSeizureAsync(Workload.Seizure(_run + "o", Interlocked.Increment(ref otherNumber), OtherOffice, _today), _otherOffice);
                return true;
            });
            var (linesRead, calls) = await import;
            var elapsed = clock.Elapsed;
            calls.Sort();
            Notes += $"import: {linesRead:N0} lines read in {statements.Count} ImportStatement call(s) ({string.Join(", ", calls.Select(c => $"{c / 1000:F1} s"))}), {elapsed.TotalSeconds:F1} s in all; {OtherOffice} made {beside.Calls} writes beside it (max {beside.Max:F0} ms)";
            var importResult = new Measured(1, linesRead, 0, elapsed, [.. calls]);
            return
            [
                new Row($"ImportStatement {lines:N0} lines (calls/s = lines/s)", importResult, $"{elapsed.TotalSeconds:F1} s (target < 5 s)"),
                new Row($"RegisterSeizure, {OtherOffice}, during the import", beside, "p99 target < 100 ms"),
            ];
        }

        /// <summary>Calls made one at a time, measured as <see cref="Drive"/> measures them (their elapsed time is their sum).</summary>
        private static Measured Alone(List<double> times) =>
            new(1, times.Count, 0, TimeSpan.FromMilliseconds(times.Sum()), [.. times.Order()]);

        /// <summary>
        /// A short warm-up at the same concurrency (not counted), then the measured run, with the CPU of
        /// <paramref name="server"/> (the service when not given) per call.
        /// </summary>
        private async Task<Measured> Measure(string what, int inFlight, Func<int, Task<bool>> call, bool warmUp = true, int limit = int.MaxValue, ChildProcess? server = null)
        {
            if (warmUp)
            {
                await Drive.RunAsync(inFlight, TimeSpan.FromSeconds(0.5), call);
            }

            return await Section(what, () => Drive.RunAsync(inFlight, _seconds, call, limit), server ?? _serviceProcess);
        }

        /// <summary>Runs and reports one section; with a <paramref name="server"/>, its CPU per call is kept for the table.</summary>
        private async Task<Measured> Section(string what, Func<Task<Measured>> run, ChildProcess? server = null)
        {
            var before = server?.ProcessorTime();
            var result = await run();
            var cpu = "";
            if (server is not null && before is { } started && result.Calls > 0)
            {
                var micros = (server.ProcessorTime() - started).TotalMicroseconds / result.Calls;
                _cpu[result] = micros;
                cpu = $", {micros:F0} µs of server CPU per call";
            }

            Progress($"{what}: {result.Calls} calls, {result.PerSecond:F0}/s, p50 {result.P50:F2} ms, p99 {result.P99:F2} ms{cpu}{(result.Failures > 0 ? $", {result.Failures} FAILED" : "")}");
            return result;
        }
    }
}
