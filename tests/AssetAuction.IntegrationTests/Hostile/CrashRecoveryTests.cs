using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Data;
using AssetAuction.Service.Security;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Type;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;

namespace AssetAuction.IntegrationTests.Hostile;

/// <summary>
/// Crash safety of the write path, end to end: the service binary runs as its own process on a SQLite file while
/// eight clients write concurrently (each walks its own assets through RegisterSeizure, RecordValuation,
/// SignAuctionContract, ScheduleAuctionRound and PostponeAuctionRound, every request with its own request_id). The
/// process is killed with SIGKILL mid-load three times and restarted. Then every acknowledged write is there exactly
/// once, its retry replays the acknowledged bytes, the request that was in flight at the kill succeeds exactly once
/// when retried, the audit chain verifies, and the event and audit sequences have no gaps.
/// Runs on the real clock (a separate process cannot share a fake one), so dates are counted from today.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 8;
    private const int Crashes = 3;

    /// <summary>Writes acknowledged in a round before the kill, so that every round kills a service under load.</summary>
    private const int AcknowledgedBeforeKill = 12;

    private readonly string _database = Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Writes_acknowledged_before_a_SIGKILL_are_kept_exactly_once_and_every_retry_replays_or_completes_them()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database)!);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Log(string message) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {message}");
        var service = await RunningService.StartAsync(_database);
        Log("service started");
        try
        {
            var organizations = new AuctionOrganizationService.AuctionOrganizationServiceClient(new Clients(service).Channel);
            var organizationRequestId = Guid.NewGuid().ToString();
            var organization = (await organizations.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest
            {
                RequestId = organizationRequestId,
                Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh B", LicenceNumber = "DG-CRASH", Address = "Hà Nội", Contact = "024 0000 0000" },
            })).Organization.Name;
            var writers = Enumerable.Range(0, Writers).Select(n => new Writer(n, organization, today)).ToList();

            for (var crash = 1; crash <= Crashes; crash++)
            {
                var clients = new Clients(service);
                var acknowledged = 0;
                var killed = false;
                var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                void Acknowledged()
                {
                    if (Interlocked.Increment(ref acknowledged) == AcknowledgedBeforeKill)
                    {
                        enough.TrySetResult();
                    }
                }

                var load = writers.Select(w => w.WriteUntilTheServiceDiesAsync(clients, Acknowledged, () => Volatile.Read(ref killed))).ToList();

                // The kill comes once enough writes were acknowledged. A writer that fails before that is a real error:
                // it surfaces here rather than being waited out. The bound only limits how long a stuck service (a
                // separate process, which cannot share a fake clock) keeps the test waiting; no duration is asserted.
                var first = await Task.WhenAny([enough.Task, .. load]).WaitAsync(TimeSpan.FromSeconds(120));
                if (first != enough.Task)
                {
                    await first;
                    Assert.Fail("A writer stopped before the kill without an error.");
                }

                Volatile.Write(ref killed, true);
                service.Kill();
                Log($"SIGKILL {crash}: {Volatile.Read(ref acknowledged)} writes acknowledged in this round");
                await Task.WhenAll(load);
                Assert.All(writers, w => Assert.NotNull(w.InFlight)); // each writer had a request on the wire when the service died
                service.Dispose();

                service = await RunningService.StartAsync(_database);
                Log("service restarted");
                clients = new Clients(service);
                await Task.WhenAll(writers.Select(w => w.RetryInFlightAsync(clients)));

                Log($"{writers.Count} requests in flight at the kill retried: each succeeded once");
            }

            var final = new Clients(service);
            var sent = writers.SelectMany(w => w.Acknowledged).ToList();
            Assert.Contains(sent, s => s.OnlyOnRetry);
            Assert.Equal(5, sent.Select(s => s.Rpc).Distinct().Count());

            // Every acknowledged request, retried with the same request_id and body, gets the acknowledged bytes back.
            await Task.WhenAll(writers.Select(async w =>
            {
                foreach (var write in w.Acknowledged)
                {
                    Assert.Equal(write.Response, (await write.Send(final)).ToByteArray());
                }
            }));

            // Each asset carries exactly the acknowledged steps: one seizure of its case, each step once in its history.
            foreach (var asset in writers.SelectMany(w => w.Assets))
            {
                var listed = await final.Seizures.ListAssetsAsync(new ListAssetsRequest { CaseNumber = asset.CaseNumber });
                Assert.Equal(asset.Name, Assert.Single(listed.Assets).Name);
                var stored = (await final.Seizures.GetAssetAsync(new GetAssetRequest { Name = asset.Name })).Asset;
                Assert.Equal(asset.Steps.Count, stored.History.Count);
                Assert.Equal(asset.Steps.Count(s => s.Rpc == "RecordValuation"), stored.Valuations.Count);
                Assert.Equal(asset.Steps.Count(s => s.Rpc == "ScheduleAuctionRound"), stored.Rounds.Count);
                Assert.Equal(
                    asset.Steps.Where(s => s.Rpc == "PostponeAuctionRound").Select(s => ((PostponeAuctionRoundRequest)s.Request).Reason),
                    stored.Rounds.SelectMany(r => r.Changes).Where(c => c.Kind == "postponed").Select(c => c.Reason));
                Assert.Equal(asset.Steps[^1].Asset.Etag, stored.Etag);
            }

            Log($"{sent.Count} acknowledged writes retried (identical bytes) and found once each on {writers.Sum(w => w.Assets.Count)} assets");
            var audit = new AuditService.AuditServiceClient(service.Channel(RunningService.Token(Roles.Supervisor)));
            var verified = await audit.VerifyAuditChainAsync(new VerifyAuditChainRequest());
            Assert.True(verified.Intact, verified.Problem);

            await using var db = new SqliteAssetAuctionDbContext(new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite($"Data Source={_database};Pooling=False").Options);
            var entries = await db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.RequestId, a.Role }).ToListAsync();
            var events = await db.Events.AsNoTracking().OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.RequestId }).ToListAsync();
            var head = await db.JournalHeads.AsNoTracking().SingleAsync();
            Assert.Equal(verified.EntriesChecked, entries.Count);
            Assert.Equal(LongRange(entries.Count), entries.Select(a => a.Sequence));
            Assert.Equal(LongRange(events.Count), events.Select(e => e.Sequence));
            Assert.Equal((entries.Count, events.Count), ((int)head.LastAuditSequence, (int)head.LastEventSequence));

            // Nothing but the acknowledged requests was written by a caller (the deadline watch writes as "system"), each
            // with one idempotency record, and every request of one RPC left as many audit entries and events as the others.
            var requestIds = sent.Select(s => s.RequestId).Append(organizationRequestId).ToHashSet();
            Assert.Equal(requestIds.Order(), entries.Where(a => a.Role != "system").Select(a => a.RequestId).Distinct().Order());
            Assert.Equal(requestIds.Count, await db.IdempotencyRecords.CountAsync(r => requestIds.Contains(r.RequestId)));
            foreach (var rpc in sent.GroupBy(s => s.Rpc))
            {
                var shapes = rpc.Select(s => (Audit: entries.Count(a => a.RequestId == s.RequestId), Events: events.Count(e => e.RequestId == s.RequestId))).Distinct().ToList();
                Assert.True(shapes.Count == 1 && shapes[0].Audit > 0 && shapes[0].Events > 0, $"{rpc.Key}: audit entries and events per request {string.Join(", ", shapes)}");
            }
        }
        finally
        {
            service.Dispose();
        }

        Log("journal checked");
    }

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_database + suffix);
        }
    }

    private static IEnumerable<long> LongRange(int count) => Enumerable.Range(1, count).Select(i => (long)i);

    /// <summary>The clients of one service process (a new process, new connections), as the case management office.</summary>
    private sealed class Clients(RunningService service)
    {
        public GrpcChannel Channel { get; } = service.Channel(RunningService.Token(Roles.CaseManagement, TestData.Office));

        public SeizureService.SeizureServiceClient Seizures => new(Channel);

        public PipelineService.PipelineServiceClient Pipeline => new(Channel);
    }

    /// <summary>One write request and its answer as acknowledged (serialised), so that a retry can be compared byte for byte.</summary>
    private sealed class Write(string rpc, IMessage request, Func<Clients, Task<IMessage>> send)
    {
        public string Rpc { get; } = rpc;

        public IMessage Request { get; } = request;

        public string RequestId => (string)Request.Descriptor.FindFieldByName("request_id").Accessor.GetValue(Request);

        public byte[] Response { get; set; } = [];

        public Asset Asset { get; set; } = new();

        /// <summary>The first attempt died with the service; this answer came from the retry after the restart.</summary>
        public bool OnlyOnRetry { get; set; }

        public Task<IMessage> Send(Clients clients) => send(clients);
    }

    private sealed record WrittenAsset(string CaseNumber, string Name, List<Write> Steps);

    /// <summary>
    /// One client writing sequentially: a seizure of a new vehicle, its valuation, the auction contract, the first round,
    /// then three postponements, then the next vehicle. Each request is built once; a retry sends the very same message.
    /// </summary>
    private sealed class Writer(int number, string organization, DateOnly today)
    {
        private int _step;
        private int _assetNumber;

        public List<Write> Acknowledged { get; } = [];

        public List<WrittenAsset> Assets { get; } = [];

        /// <summary>The request that was on the wire when the service was killed: its outcome is unknown to this client.</summary>
        public Write? InFlight { get; private set; }

        public async Task WriteUntilTheServiceDiesAsync(Clients clients, Action acknowledged, Func<bool> killed)
        {
            while (true)
            {
                var write = Next();
                IMessage response;
                try
                {
                    response = await write.Send(clients);
                }
                catch (RpcException) when (killed())
                {
                    InFlight = write;
                    return;
                }

                Accept(write, response);
                acknowledged();
            }
        }

        /// <summary>The request in flight at the kill, sent again as it was: it succeeds (done now, or replayed), and once more gives the same bytes.</summary>
        public async Task RetryInFlightAsync(Clients clients)
        {
            if (InFlight is not { } write)
            {
                return;
            }

            var response = await write.Send(clients);
            Assert.Equal(response.ToByteArray(), (await write.Send(clients)).ToByteArray());
            write.OnlyOnRetry = true;
            InFlight = null;
            Accept(write, response);
        }

        private void Accept(Write write, IMessage response)
        {
            write.Response = response.ToByteArray();
            write.Asset = response switch
            {
                RegisterSeizureResponse r => r.Assets[0],
                RecordValuationResponse r => r.Asset,
                SignAuctionContractResponse r => r.Asset,
                ScheduleAuctionRoundResponse r => r.Asset,
                PostponeAuctionRoundResponse r => r.Asset,
                _ => throw new InvalidOperationException(response.Descriptor.FullName),
            };
            Acknowledged.Add(write);
            if (write.Request is RegisterSeizureRequest seizure)
            {
                Assets.Add(new WrittenAsset(seizure.EnforcementCase.CaseNumber, write.Asset.Name, []));
            }

            Assets[^1].Steps.Add(write);
            _step = (_step + 1) % 7;
        }

        private Write Next()
        {
            var asset = Assets.Count > 0 ? Assets[^1].Steps[^1].Asset : null;
            var id = Guid.NewGuid().ToString();
            switch (_step)
            {
                case 0:
                    var seizure = TestData.Seizure($"CRASH-{number}-{++_assetNumber}", TestData.Office, TestData.Vehicle());
                    seizure.RequestId = id;
                    seizure.EnforcementCase.DecisionDate = D(today.AddDays(-60));
                    seizure.SeizureDate = D(today.AddDays(-7));
                    return new Write("RegisterSeizure", seizure, async c => await c.Seizures.RegisterSeizureAsync(seizure));
                case 1:
                    var valuation = new RecordValuationRequest
                    {
                        RequestId = id, Name = asset!.Name, Etag = asset.Etag,
                        Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = D(today.AddDays(-6)), Price = 500_000_000, CertificateNumber = "CT-01", CertificateDate = D(today.AddDays(-5)) },
                    };
                    return new Write("RecordValuation", valuation, async c => await c.Pipeline.RecordValuationAsync(valuation));
                case 2:
                    var contract = new SignAuctionContractRequest { RequestId = id, Name = asset!.Name, Etag = asset.Etag, Organization = organization, ContractNumber = $"HĐĐG-{number}-{_assetNumber}", ContractDate = D(today.AddDays(-4)) };
                    return new Write("SignAuctionContract", contract, async c => await c.Pipeline.SignAuctionContractAsync(contract));
                case 3:
                    var schedule = new ScheduleAuctionRoundRequest { RequestId = id, Name = asset!.Name, Etag = asset.Etag, Plan = Plan(20) };
                    return new Write("ScheduleAuctionRound", schedule, async c => await c.Pipeline.ScheduleAuctionRoundAsync(schedule));
                default:
                    var postpone = new PostponeAuctionRoundRequest { RequestId = id, Name = asset!.Name, Etag = asset.Etag, Reason = $"postponement {_step - 3} of {asset.Name}", Plan = Plan(20 + _step) };
                    return new Write("PostponeAuctionRound", postpone, async c => await c.Pipeline.PostponeAuctionRoundAsync(postpone));
            }
        }

        /// <summary>A round posted today (a movable asset needs 7 working days' notice; the first round falls within 30 days of the contract).</summary>
        private RoundPlan Plan(int daysAhead)
        {
            var auction = today.AddDays(daysAhead);
            return new RoundPlan
            {
                AuctionTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(auction.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero)),
                Place = "Hội trường Tổ chức đấu giá",
                PostingDate = D(today),
                RegistrationStart = D(today),
                RegistrationEnd = D(auction.AddDays(-2)),
                Deposit = 50_000_000,
                BidStep = 5_000_000,
                Method = RoundPlan.Types.Method.Oral,
            };
        }

        private static Date D(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
    }
}
