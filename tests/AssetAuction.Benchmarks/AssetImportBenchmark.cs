using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using AssetAuction.Benchmarks.Compare;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.Benchmarks;

/// <summary>
/// Issue 13, point 5: an office's backlog through ImportAssets at scale, while another office keeps writing.
/// Starts the real service as `compare` and `soak` do (its own Release process, Production environment, logging at
/// Warning, a fresh SQLite database), creates the auction organization the records' contracts name, and writes
/// <c>--records</c> generated backlog records (<see cref="BacklogRecords"/>: land parcels, failed rounds and
/// reductions, partial payments, hand-overs; about eight acts each) to a file first, so generating them is not
/// timed. Then:
/// <list type="number">
/// <item>another office registers seizures (<c>--writers</c> in flight) for <c>--baseline</c> seconds: its latency before the import;</item>
/// <item>the file goes through one ImportAssets call with the real generated client while that office keeps writing;
/// progress every 10 s; at the end the wall time, records/s, acts/s, the counts (any failure ends the run with exit
/// code 1), the other office's calls/s, p50 and p99 against its baseline, and the database's size;</item>
/// <item>the same file again under the same import id (an interrupted import resumed): every record must come back UNCHANGED.</item>
/// </list>
/// Usage: import-assets [--records 100000] [--first 1] [--baseline 20] [--writers 1] [--keep] [--service DLL]
/// (<c>--first</c> is the first record's number: the generator puts records 2k and 2k+1 in one case, so from 1 a case
/// straddles every boundary of the service's 48-record chunks, and from 0 none does.)
/// </summary>
public static class AssetImportBenchmark
{
    private const string Office = "BENCH-01";
    private const string OtherOffice = "BENCH-02";
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        string Option(string name, string fallback) => ToolArgs.Option(args, name, fallback);

        var records = int.Parse(Option("records", "100000"), CultureInfo.InvariantCulture);
        var first = int.Parse(Option("first", "1"), CultureInfo.InvariantCulture);
        var baseline = TimeSpan.FromSeconds(double.Parse(Option("baseline", "20"), CultureInfo.InvariantCulture));
        var writers = int.Parse(Option("writers", "1"), CultureInfo.InvariantCulture);
        var folder = Path.Combine(Path.GetTempPath(), "assetauction-import-assets-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var auth = new AuthOptions { Issuer = "assetauction-bench", Audience = "assetauction", SigningKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)) };
            var serviceDll = Path.GetFullPath(Option("service", Path.Combine(AppContext.BaseDirectory, "AssetAuction.Service.dll")));
            Say($"load average {LoadAverage()}; temporary folder {folder}; starting the service");
            using var service = await ServiceUnderTest.StartAsync(serviceDll, folder, auth, ChildProcess.FreePort());
            var run = new Run(service, auth, folder);
            return await run.AllAsync(records, first, baseline, writers);
        }
        finally
        {
            if (!args.Contains("--keep"))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void Say(string message) => Console.WriteLine($"import-assets: {message}");

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Ms(double value) => value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private sealed class Run
    {
        private readonly ChildProcess _service;
        private readonly string _folder;
        private readonly Metadata _importer;
        private readonly Metadata _other;
        private readonly GrpcChannel _importChannel;
        private readonly SeizureService.SeizureServiceClient _otherSeizures;
        private readonly string _run = Guid.NewGuid().ToString("N")[..8];
        private readonly DateOnly _today = Workload.Today();
        private int _otherNumber;

        public Run(ChildProcess service, AuthOptions auth, string folder)
        {
            _service = service;
            _folder = folder;
            static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };
            _importer = Bearer(Workload.Token(auth, Roles.CaseManagement, Office, "bench-import"));
            _other = Bearer(Workload.Token(auth, Roles.CaseManagement, OtherOffice, "bench-other-office"));

            // Two clients, two connections: the importing office's system and another office's officers.
            _importChannel = GrpcChannel.ForAddress(service.Url);
            _otherSeizures = new SeizureService.SeizureServiceClient(GrpcChannel.ForAddress(service.Url));
        }

        public async Task<int> AllAsync(int records, int firstNumber, TimeSpan baseline, int writers)
        {
            var organizations = new AuctionOrganizationService.AuctionOrganizationServiceClient(_importChannel);
            var organization = (await organizations.CreateAuctionOrganizationAsync(Workload.Organization(_run), _importer)).Organization.Name;

            var file = Path.Combine(_folder, "backlog.bin");
            var generating = Stopwatch.StartNew();
            var (acts, sha256) = Generate(file, firstNumber, records, organization);
            Say($"generated {records:N0} records (numbers {firstNumber:N0} to {firstNumber + records - 1:N0}) with {acts:N0} acts ({(double)acts / records:F2} per record) into {new FileInfo(file).Length / 1e6:F0} MB (length-delimited protobuf) in {generating.Elapsed.TotalSeconds:F1} s, not timed; organization {organization}");

            Say($"{OtherOffice}: warming up 3 s, then RegisterSeizure for {baseline.TotalSeconds:F0} s before the import, {writers} in flight; load average {LoadAverage()}");
            await Drive.RunAsync(writers, TimeSpan.FromSeconds(3), RegisterAsync);
            var before = await Drive.RunAsync(writers, baseline, RegisterAsync);
            Say($"{OtherOffice} before the import: {before.Calls} calls, {before.PerSecond:F1}/s, p50 {Ms(before.P50)} ms, p99 {Ms(before.P99)} ms, max {Ms(before.Max)} ms, {before.Failures} failed");

            var importId = Guid.NewGuid().ToString();
            Say($"ImportAssets imports/{importId}: {records:N0} records into {Office}, {OtherOffice} writing beside it; load average {LoadAverage()}");
            var window = new ConcurrentQueue<double>();
            var importing = 1;
            var beside = Drive.RunAsync(writers, TimeSpan.MaxValue, async _ =>
            {
                if (Volatile.Read(ref importing) == 0)
                {
                    return false;
                }

                var started = Stopwatch.GetTimestamp();
                await RegisterAsync(0);
                window.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return true;
            });
            Import first;
            try
            {
                first = await ImportAsync(file, importId, sha256, window);
            }
            finally
            {
                Volatile.Write(ref importing, 0);
            }

            var during = await beside;
            var size = DatabaseSize();
            Console.WriteLine();
            first.Print("import");
            Console.WriteLine($"  acts: {first.ActsSent:N0} sent, {first.ActsSent / first.Wall.TotalSeconds:F0} acts/s (target: 100,000 assets x ~8 acts in under 300 s)");
            Console.WriteLine($"  {OtherOffice} during the import: {during.Calls} calls, {during.PerSecond:F1}/s, p50 {Ms(during.P50)} ms, p99 {Ms(during.P99)} ms, max {Ms(during.Max)} ms, {during.Failures} failed");
            Console.WriteLine($"  {OtherOffice} before the import:  {before.Calls} calls, {before.PerSecond:F1}/s, p50 {Ms(before.P50)} ms, p99 {Ms(before.P99)} ms; p99 during/before {during.P99 / before.P99:F2}x, p50 {during.P50 / before.P50:F2}x (target p99 < 100 ms)");
            Console.WriteLine($"  database: {size}");
            Console.WriteLine($"  service: {first.ServiceCpu.TotalSeconds:F0} s of CPU during the import ({first.ServiceCpu / first.Wall:F2} cores), RSS {_service.Memory().Now} MB, peak {_service.Memory().Peak} MB; client {first.ClientCpu.TotalSeconds:F0} s of CPU; load average {LoadAverage()}");
            if (!first.Complete(records, Status.Imported))
            {
                return 1;
            }

            Console.WriteLine();
            Say($"the same file again under imports/{importId} (resume: every record already imported)");
            var again = await ImportAsync(file, importId, sha256, window: null);
            again.Print("re-import");
            Console.WriteLine($"  database: {DatabaseSize()}; load average {LoadAverage()}");
            return again.Complete(records, Status.Unchanged) ? 0 : 1;
        }

        private async Task<bool> RegisterAsync(int _)
        {
            await _otherSeizures.RegisterSeizureAsync(Workload.Seizure(_run, Interlocked.Increment(ref _otherNumber), OtherOffice, _today), _other);
            return true;
        }

        /// <summary>The records, length-delimited, as a client would hold a file; its SHA-256 goes in the options.</summary>
        private static (long Acts, string Sha256) Generate(string file, int first, int records, string organization)
        {
            long acts = 0;
            using (var stream = File.Create(file))
            {
                for (var number = first; number < first + records; number++)
                {
                    var record = BacklogRecords.Record(number, Office, organization);
                    acts += record.Acts.Count;
                    record.WriteDelimitedTo(stream);
                }
            }

            using var read = File.OpenRead(file);
            return (acts, Convert.ToHexStringLower(SHA256.HashData(read)));
        }

        /// <summary>
        /// One ImportAssets call: the options, then every record of the file, while the answers are read; progress
        /// every 10 s (with the other office's latency in that window when <paramref name="window"/> is given).
        /// </summary>
        private async Task<Import> ImportAsync(string file, string importId, string sha256, ConcurrentQueue<double>? window)
        {
            var client = new AssetImportService.AssetImportServiceClient(_importChannel);
            var service = Process.GetProcessById(_service.Id);
            var serviceCpu = service.TotalProcessorTime;
            var clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var import = new Import();
            var clock = Stopwatch.StartNew();
            using var call = client.ImportAssets(_importer);
            var reading = Task.Run(async () =>
            {
                await foreach (var response in call.ResponseStream.ReadAllAsync())
                {
                    import.Take(response);
                }
            });
            using var stop = new CancellationTokenSource();
            var progress = Task.Run(async () =>
            {
                try
                {
                    while (true)
                    {
                        await Task.Delay(ProgressEvery, stop.Token);
                        var latest = import.Latest;
                        var line = $"  {clock.Elapsed.TotalSeconds,5:F0} s: {import.RecordsSent,7:N0} sent, {latest?.RecordsRead ?? 0,7:N0} read, {(latest?.Imported ?? 0) + (latest?.Unchanged ?? 0),7:N0} done ({((latest?.Imported ?? 0) + (latest?.Unchanged ?? 0)) / clock.Elapsed.TotalSeconds,5:F0} records/s so far), {latest?.Failed ?? 0} failed";
                        if (window is not null)
                        {
                            var latencies = new List<double>();
                            while (window.TryDequeue(out var ms))
                            {
                                latencies.Add(ms);
                            }

                            latencies.Sort();
                            line += latencies.Count == 0
                                ? $"; {OtherOffice}: no write finished in this window"
                                : $"; {OtherOffice}: {latencies.Count / ProgressEvery.TotalSeconds:F1} writes/s, p99 {Ms(latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * 0.99))])} ms, max {Ms(latencies[^1])} ms";
                        }

                        Console.WriteLine(line + $"; load {LoadAverage()}");
                    }
                }
                catch (OperationCanceledException)
                {
                }
            });
            try
            {
                await call.RequestStream.WriteAsync(new ImportAssetsRequest
                {
                    Options = new ImportOptions { ImportId = importId, Office = Office, FileName = "backlog.bin", FileSha256 = sha256 },
                });
                await using (var stream = File.OpenRead(file))
                {
                    while (stream.Position < stream.Length)
                    {
                        var record = ImportRecord.Parser.ParseDelimitedFrom(stream);
                        import.ActsSent += record.Acts.Count;
                        await call.RequestStream.WriteAsync(new ImportAssetsRequest { Record = record });
                        import.RecordsSent++;
                    }
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
                // The server ended the call: its status comes from the response stream.
            }

            try
            {
                await reading;
            }
            finally
            {
                await stop.CancelAsync();
                await progress;
            }

            import.Wall = clock.Elapsed;
            service.Refresh();
            import.ServiceCpu = service.TotalProcessorTime - serviceCpu;
            import.ClientCpu = Process.GetCurrentProcess().TotalProcessorTime - clientCpu;
            return import;
        }

        private string DatabaseSize()
        {
            long Size(string suffix) => new FileInfo(Path.Combine(_folder, "service.db" + suffix)) is { Exists: true } f ? f.Length : 0;
            var db = Size("");
            var wal = Size("-wal");
            return $"service.db {db / 1e6:F0} MB + WAL {wal / 1e6:F0} MB = {(db + wal) / 1e6:F0} MB";
        }
    }

    /// <summary>What one ImportAssets call sent and got back.</summary>
    private sealed class Import
    {
        private readonly Dictionary<Status, long> _outcomes = [];
        private readonly List<ImportOutcome> _failures = [];
        private ImportProgress? _latest;

        public long RecordsSent { get; set; }

        public long ActsSent { get; set; }

        public TimeSpan Wall { get; set; }

        public TimeSpan ServiceCpu { get; set; }

        public TimeSpan ClientCpu { get; set; }

        public ImportProgress? Latest => Volatile.Read(ref _latest);

        public void Take(ImportAssetsResponse response)
        {
            foreach (var outcome in response.Outcomes)
            {
                _outcomes[outcome.Status] = _outcomes.GetValueOrDefault(outcome.Status) + 1;
                if (outcome.Status == Status.Failed && _failures.Count < 5)
                {
                    _failures.Add(outcome);
                }
            }

            Volatile.Write(ref _latest, response.Progress);
        }

        public void Print(string what)
        {
            var final = Latest ?? new ImportProgress();
            Console.WriteLine($"{what}: {RecordsSent:N0} records in {Wall.TotalSeconds:F1} s = {RecordsSent / Wall.TotalSeconds:F0} records/s");
            Console.WriteLine($"  counts (final progress): read {final.RecordsRead:N0}, imported {final.Imported:N0}, unchanged {final.Unchanged:N0}, failed {final.Failed:N0}, done {final.Done}");
            Console.WriteLine($"  outcomes received: {string.Join(", ", _outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value:N0}"))}");
            foreach (var failure in _failures)
            {
                Console.WriteLine($"  FAILED line {failure.Line} {failure.SourceReference}: act {failure.ActIndex} {failure.Field} {failure.Reason}: {failure.Message}");
            }
        }

        /// <summary>Every record sent came back once, all with <paramref name="expected"/>, and the call said it was done.</summary>
        public bool Complete(int records, Status expected)
        {
            var final = Latest;
            var ok = final is { Done: true } && RecordsSent == records && _outcomes.Count == 1 && _outcomes.GetValueOrDefault(expected) == records;
            if (!ok)
            {
                Console.WriteLine($"  NOT COMPLETE: expected all {records:N0} records {expected}");
            }

            return ok;
        }
    }
}
