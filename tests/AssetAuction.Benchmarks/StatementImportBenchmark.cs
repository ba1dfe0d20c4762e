using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Proceeds;
using AssetAuction.Service.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Benchmarks;

/// <summary>
/// `import-statement [--lines 100000] [--movements 1000] [--chunk 2000] [--imports 3] [--variants before,after]`: times a large statement import the way
/// it was (one unit of work holding the write lock, a query per line: <see cref="SingleUnitImport"/>) and the way it
/// is (<see cref="ImportStatement"/>: bounded parts, set-based matching), each on a fresh SQLite file (WAL,
/// synchronous=FULL, as the service runs it) holding the same ledger, with another office registering obligations
/// one after another beside it. Both run here through the service's own DI registrations and handlers, without the
/// gRPC transport. For each it prints the import's wall time, the other office's write latency meanwhile, and the
/// largest audit entry, event and idempotency record; and checks that both paired the same lines with the same
/// movements.
/// </summary>
internal static class StatementImportBenchmark
{
    private const string Office = "BENCH-01";
    private const string OtherOffice = "BENCH-02";
    private const string Method = "/assetauction.v1.ProceedsService/ImportStatement";

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var lines = Option("lines", 100_000);
        var movements = Option("movements", 1_000);
        var chunk = Option("chunk", 2_000);
        var imports = Option("imports", 3);
        var at = Array.IndexOf(args, "--variants");
        string[] variants = at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',') : ["before", "after"];
        var first = Statement(lines, movements, "A");
        var second = Statement(lines, movements, "B");
        Console.WriteLine($"statements of {lines:N0} lines ({Encoding.UTF8.GetByteCount(first) / 1_000_000.0:F1} MB), every 5th line a ledger reference; {movements:N0} custody movements; parts of {chunk:N0} lines");

        var pairings = new List<IReadOnlyDictionary<string, string>>();
        foreach (var variant in variants)
        {
            pairings.Add(await RunVariantAsync(variant, chunk, movements, imports, first, second));
        }

        if (pairings.Count < 2)
        {
            return 0;
        }

        var same = pairings[0].Count == pairings[1].Count && pairings[0].All(p => pairings[1].TryGetValue(p.Key, out var t) && t == p.Value);
        Console.WriteLine($"pairing: {variants[0]} {pairings[0].Count:N0} matched lines, {variants[1]} {pairings[1].Count:N0}; identical: {same}");
        return same ? 0 : 1;
    }

    private static async Task<IReadOnlyDictionary<string, string>> RunVariantAsync(string variant, int chunk, int movements, int imports, string first, string second)
    {
        var path = Path.Combine(Path.GetTempPath(), $"assetauction-import-{variant}-{Guid.NewGuid():N}.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={path}",
            [$"{StatementImportOptions.Section}:ChunkLines"] = chunk.ToString(CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddAssetAuctionData(configuration, Path.GetTempPath());
        services.AddSingleton(TimeProvider.System);
        services.AddAssetAuctionGrpc();
        services.AddAssets();
        services.AddJournal();
        services.AddProceeds(configuration);
        services.AddScoped<SingleUnitImport>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            await DatabaseMigrator.MigrateAsync(provider);
            if (variant == "before")
            {
                // The schema as it was: without the indexes the set-based matching added.
                await using var setup = provider.CreateAsyncScope();
                await setup.ServiceProvider.GetRequiredService<AssetAuctionDbContext>().Database.ExecuteSqlRawAsync(
                    "DROP INDEX IX_LedgerEntries_Office_Account_Amount; DROP INDEX IX_StatementLines_Office_Amount; DROP INDEX IX_StatementLines_Office_ImportId;");
            }

            await SeedLedgerAsync(provider, movements);
            foreach (var (label, csv, statementId) in new[] { ("first import", first, "SK-A"), ("second import (another statement)", second, "SK-B"), ("the first again (all lines known)", first, "SK-A") }.Take(imports))
            {
                await ImportBesideOtherOfficeAsync(provider, variant, label, csv, statementId);
            }

            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
            var largestAudit = await db.AuditEntries.MaxAsync(a => (long)a.AfterJson.Length + a.BeforeJson.Length);
            var largestEvent = await db.Events.MaxAsync(e => (long)e.Payload.Length);
            var largestResponse = await db.IdempotencyRecords.MaxAsync(r => (long)r.Response.Length);
            Console.WriteLine($"{variant}: largest audit entry {largestAudit / 1_000_000.0:F2} MB, event {largestEvent / 1_000_000.0:F2} MB, stored response {largestResponse / 1_000_000.0:F2} MB; database file {new FileInfo(path).Length / 1_000_000.0:F0} MB");
            return await db.StatementLines.AsNoTracking().Where(s => s.MatchedTransactionId != null)
                .ToDictionaryAsync(s => $"{s.StatementId}:{s.LineNumber}", s => s.MatchedTransactionId!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    /// <summary>One import, timed, while another office writes one obligation after another; their latencies are reported.</summary>
    private static async Task ImportBesideOtherOfficeAsync(IServiceProvider provider, string variant, string label, string csv, string statementId)
    {
        using var stop = new CancellationTokenSource();
        var latencies = new List<double>();
        var other = Task.Run(async () =>
        {
            var caseManager = new RequestContext(new Caller("bench-case", Roles.CaseManagement, OtherOffice, ""), "/assetauction.v1.ProceedsService/RegisterObligation", CancellationToken.None);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await using var scope = provider.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<RegisterObligation>().HandleAsync(Obligation(i), caseManager);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });

        var finance = new RequestContext(new Caller("bench-finance", Roles.Finance, Office, ""), Method, CancellationToken.None);
        var request = new V1.ImportStatementRequest { RequestId = Guid.NewGuid().ToString(), Office = Office, StatementId = statementId, CsvContent = csv };
        await Task.Delay(200); // the other office is writing before the import begins
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime; // beside wall time: on a shared machine wall time mostly measures the others
        V1.ImportStatementResponse response;
        await using (var scope = provider.CreateAsyncScope())
        {
            response = variant == "before"
                ? await scope.ServiceProvider.GetRequiredService<SingleUnitImport>().HandleAsync(request, finance)
                : await scope.ServiceProvider.GetRequiredService<ImportStatement>().HandleAsync(request, finance);
        }

        clock.Stop();
        var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        await stop.CancelAsync();
        await other;
        latencies.Sort();
        double P(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(latencies.Count * q))];
        Console.WriteLine($"{variant}, {label}: {clock.Elapsed.TotalSeconds:F2} s (cpu {used.TotalSeconds:F2} s, with the other office's writes); read {response.LinesRead:N0}, known {response.LinesAlreadyImported:N0}, matched {response.LinesMatched:N0}; "
            + $"other office meanwhile: {latencies.Count:N0} writes, p50 {P(0.5):F1} ms, p99 {P(0.99):F1} ms, max {(latencies.Count == 0 ? double.NaN : latencies[^1]):F1} ms");
    }

    /// <summary>Custody receipts with deterministic ids (ledger order) and references REF-0, REF-1, …: the same books in both databases.</summary>
    private static async Task SeedLedgerAsync(IServiceProvider provider, int movements)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;"); // the movements name no real asset
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < movements; i++)
        {
            var transaction = $"{(2 * i) + 1:x32}";
            db.LedgerEntries.Add(new LedgerEntry($"{2 * i:x32}", transaction, Office, "bench-asset", "BENCH-CASE", "correction", new DateOnly(2026, 11, 2), $"REF-{i}", new Posting(LedgerAccount.Custody, 1_000 + i, ""), null, now));
        }

        await db.SaveChangesAsync();

        // Contexts are pooled: one given back with its connection open would make the next lease's batch fail to lend it.
        await db.Database.CloseConnectionAsync();
    }

    /// <summary>Every 5th line carries the amount and reference of a movement (some twice, across statements); the rest nobody expected.</summary>
    private static string Statement(int lines, int movements, string tag)
    {
        var csv = new StringBuilder("date,amount,reference,counterparty\n");
        for (var n = 0; n < lines; n++)
        {
            var (amount, reference) = n % 5 == 0 && movements > 0
                ? (1_000 + (n / 5 % movements), $"REF-{n / 5 % movements}")
                : (5_000_000 + n, $"{tag}-UNKNOWN-{n}");
            csv.Append(CultureInfo.InvariantCulture, $"2026-11-{1 + (n % 28):D2},{amount},\"{reference}\",\"Công ty TNHH Thương mại {n % 997}\"\n");
        }

        return csv.ToString();
    }

    private static V1.RegisterObligationRequest Obligation(int i) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Obligation = new V1.Obligation
        {
            Office = OtherOffice, CaseNumber = $"CASE-{i / 10}", CreditorId = $"C-{Guid.NewGuid():N}", Owed = 1_000_000,
            Creditor = new V1.Party { Type = V1.Party.Types.Type.Individual, FullName = "Creditor " + i },
            Category = V1.Obligation.Types.Category.Other, RequestedOn = new Google.Type.Date { Year = 2026, Month = 9, Day = 1 },
            EnforcementDecision = "123/QĐ-CCTHADS", Judgment = "BA-01", HolderIsJudgmentCreditor = true,
        },
    };

    /// <summary>
    /// The import as it was before statements were imported in parts (commit 6ab0699): one unit of work for the
    /// whole statement, a query per line for its fingerprint and per open line for its candidates, the whole
    /// response (every unmatched line) in the audit entry, the event and the idempotency record. Kept here only
    /// to be measured against.
    /// </summary>
    private sealed class SingleUnitImport(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock, IIdGenerator ids)
    {
        public Task<V1.ImportStatementResponse> HandleAsync(V1.ImportStatementRequest request, RequestContext context)
        {
            var office = request.Office.Trim();
            var lines = StatementCsv.Parse(request.CsvContent);
            return runner.RunAsync(context, request, request.RequestId, async log =>
            {
                var now = clock.GetUtcNow();
                var response = new V1.ImportStatementResponse { LinesRead = lines.Count };
                var statementId = request.StatementId.Trim();
                var added = new List<StatementLine>();
                foreach (var line in lines)
                {
                    var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{office}|{statementId}|{line.Number}|{line.Date:yyyy-MM-dd}|{line.Amount}|{line.Reference}")));
                    if (await db.StatementLines.AnyAsync(s => s.Office == office && s.Fingerprint == fingerprint, context.CancellationToken))
                    {
                        response.LinesAlreadyImported++;
                        continue;
                    }

                    added.Add(new StatementLine(ids.NewId(now), office, statementId, line.Number, fingerprint, line.Date, line.Amount, line.Reference, line.Counterparty, now, ""));
                }

                db.StatementLines.AddRange(added);
                await db.SaveChangesAsync(context.CancellationToken);
                response.LinesMatched = await MatchOpenLinesAsync(office, context.CancellationToken);
                response.UnmatchedLines.Add(added.Where(l => l.MatchedTransactionId is null).Select(l => l.ToProto()));
                log.Record("statement.imported", $"offices/{office}/statements/{statementId}", office, null, response);
                return response;
            });
        }

        private async Task<int> MatchOpenLinesAsync(string office, CancellationToken ct)
        {
            var open = await db.StatementLines.Where(s => s.Office == office && s.MatchedTransactionId == null).OrderBy(s => s.Id).ToListAsync(ct);
            var taken = (await db.StatementLines.Where(s => s.Office == office && s.MatchedTransactionId != null).Select(s => s.MatchedTransactionId!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            var matched = 0;
            foreach (var line in open)
            {
                var candidates = await db.LedgerEntries.AsNoTracking()
                    .Where(e => e.Office == office && e.Account == LedgerAccount.Custody && e.Amount == line.Amount && e.Reference == line.Reference)
                    .OrderBy(e => e.Id).Select(e => e.TransactionId).ToListAsync(ct);
                if (candidates.FirstOrDefault(t => !taken.Contains(t)) is { } match)
                {
                    line.MatchTo(match);
                    taken.Add(match);
                    matched++;
                }
            }

            return matched;
        }
    }
}
