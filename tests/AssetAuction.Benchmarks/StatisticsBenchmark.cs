using System.Diagnostics;
using System.Globalization;
using AssetAuction.Domain.Statistics;
using AssetAuction.Service.Data;
using AssetAuction.Service.Statistics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssetAuction.Benchmarks;

/// <summary>
/// `statistics [--assets 1000000] [--offices 355] [--runs 3]`: generates a country's asset facts (four working
/// years of seizures, every outcome) and one time limit per asset into a fresh SQLite file, then times the
/// working-year report (read + compute) for the country and for one office. Prints wall-clock milliseconds.
/// </summary>
internal static class StatisticsBenchmark
{
    private static readonly string[] FactParameters = ["$id", "$office", "$case", "$decision", "$seized", "$valued", "$first", "$firstPrice", "$sold", "$price", "$paid", "$disposed", "$outcome", "$realised", "$payout", "$completed", "$steps", "$failed"];
    private static readonly string[] DeadlineParameters = ["$id", "$asset", "$office", "$due", "$rules", "$state", "$opened", "$closed"];

    public static async Task<int> RunAsync(string[] args)
    {
        int Option(string name, int fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var assets = Option("assets", 1_000_000);
        var offices = Option("offices", 355);
        var runs = Option("runs", 3);
        // --db FILE keeps the generated database for later runs (generating a million facts takes minutes).
        var kept = Array.IndexOf(args, "--db") is var at and >= 0 && at + 1 < args.Length ? Path.GetFullPath(args[at + 1]) : null;
        var path = kept ?? Path.Combine(Path.GetTempPath(), $"assetauction-stats-{Guid.NewGuid():N}.db");
        var reuse = kept is not null && File.Exists(kept);
        try
        {
            var options = new DbContextOptionsBuilder<SqliteAssetAuctionDbContext>().UseSqlite($"Data Source={path}").Options;
            await using var db = new SqliteAssetAuctionDbContext(options);
            await db.Database.MigrateAsync();
            var clock = Stopwatch.StartNew();
            if (reuse)
            {
                Console.WriteLine($"reusing {path}, file {new FileInfo(path).Length / 1_048_576:N0} MB");
            }
            else
            {
                await GenerateAsync(db, assets, offices);
                Console.WriteLine($"generated {assets:N0} asset facts and {assets:N0} time limits in {offices} offices: {clock.ElapsedMilliseconds:N0} ms, file {new FileInfo(path).Length / 1_048_576:N0} MB");
            }

            // The report cache decides by the event feed: one event per fact, as every seizure writes one.
            await EnsureEventsAsync(db);
            var builder = new ReportBuilder(db, new OfficeDirectory([]), Options.Create(new StatisticsOptions()), new OfficePartialCache());
            var year = new WorkingYear(2026, 12);
            foreach (var (label, scope) in new[] { ("country", new ResolvedScope("country", "", null)), ("office", new ResolvedScope("offices/O-7", "O-7", ["O-7"])) })
            {
                if (args.Contains("--breakdown"))
                {
                    clock.Restart();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var count = 0;
                    await AssetFactReader.ReadAsync(db, scope.Offices, year, _ => count++, CancellationToken.None);
                    Console.WriteLine($"  facts alone: {count:N0} read in wall {clock.ElapsedMilliseconds:N0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms");
                    clock.Restart();
                    cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var limits = await AssetFactReader.DeadlinesAsync(db, scope.Offices, year, CancellationToken.None);
                    Console.WriteLine($"  time limits alone: {limits.Count:N0} read in wall {clock.ElapsedMilliseconds:N0} ms, cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:N0} ms");
                }

                for (var run = 0; run < runs; run++)
                {
                    await TimeAsync($"{label} from scratch, run {run + 1}", () => builder.ComputeFromScratchAsync(scope.Offices, year, CancellationToken.None));
                }

                // The first cached report computes every office (and keeps them); the next ones reuse them.
                await TimeAsync($"{label} cached, first", () => builder.ComputeAsync(scope.Offices, year, CancellationToken.None));
                for (var run = 0; run < runs; run++)
                {
                    await TimeAsync($"{label} cached, nothing changed, run {run + 1}", () => builder.ComputeAsync(scope.Offices, year, CancellationToken.None));
                }

                // A back-dated act in one office (its event journalled with the change): only that office is recomputed.
                for (var run = 0; run < runs; run++)
                {
                    await BackDateOneActAsync(db, "O-7");
                    var cached = await TimeAsync($"{label} cached, after a back-dated act in O-7, run {run + 1}", () => builder.ComputeAsync(scope.Offices, year, CancellationToken.None));
                    var (fresh, _) = await builder.ComputeFromScratchAsync(scope.Offices, year, CancellationToken.None);
                    Console.WriteLine($"  equal to the from-scratch computation: {Digest(cached) == Digest(fresh)}");
                }
            }

            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in kept is null ? ["", "-wal", "-shm"] : Array.Empty<string>())
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static string Digest(WorkingYearFigures figures) => ReportLines.Digest(ReportLines.Csv(ReportLines.Of(figures)));

    private static async Task<WorkingYearFigures> TimeAsync(string label, Func<Task<(WorkingYearFigures Figures, IReadOnlyList<string> Offices)>> compute)
    {
        // CPU time beside wall time: on a machine shared by several builds, wall time mostly measures the others.
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var (figures, _) = await compute();
        var totalCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{label}: wall {clock.ElapsedMilliseconds:N0} ms, cpu {totalCpu.TotalMilliseconds:N0} ms; carried over {figures.Assets.CarriedOver:N0}, new {figures.Assets.NewlySeized:N0}, rate by case {figures.Cases.RateBasisPoints} bp; digest {Digest(figures)[..16]}");
        return figures;
    }

    /// <summary>One event per fact, naming its office (a database generated before events were part of it gets them).</summary>
    private static async Task EnsureEventsAsync(SqliteAssetAuctionDbContext db)
    {
        if (await db.Events.AnyAsync())
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Events (Sequence, Type, Resource, Office, Organization, Time, RequestId, Payload) " +
            "SELECT rowid, 'asset.seized', 'assets/' || AssetId, Office, '', 0, '', x'' FROM AssetFacts ORDER BY rowid");
    }

    /// <summary>Releases one open asset of the office on a day in the year and journals an event for it, as a back-dated act does.</summary>
    private static async Task BackDateOneActAsync(SqliteAssetAuctionDbContext db, string office)
    {
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE AssetFacts SET Outcome = {1}, DisposedOn = '2026-02-01', CompletedOn = '2026-02-01' WHERE AssetId = (SELECT AssetId FROM AssetFacts WHERE Office = {0} AND Outcome = 0 AND SeizedOn < '2026-01-01' ORDER BY AssetId LIMIT 1)",
            office,
            (int)AssetOutcome.Released);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Events (Sequence, Type, Resource, Office, Organization, Time, RequestId, Payload) " +
            "SELECT MAX(Sequence) + 1, 'asset.valued', 'assets/x', {0}, '', 0, '', x'' FROM Events",
            office);
    }

    private static async Task GenerateAsync(SqliteAssetAuctionDbContext db, int assets, int offices)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand())
        {
            // Generated rows only: the deadlines point at assets that exist only as facts here.
            pragma.CommandText = "PRAGMA foreign_keys = OFF; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var transaction = await connection.BeginTransactionAsync();
        using var fact = connection.CreateCommand();
        fact.CommandText = "INSERT INTO AssetFacts (AssetId, Office, CaseNumber, DecisionDate, SeizedOn, ValuedOn, FirstAuctionOn, FirstStartingPrice, SoldOn, SalePrice, FullyPaidOn, DisposedOn, Outcome, RealisedAmount, PaidOutOn, CompletedOn, PriceSteps, FailedRoundDates, PastSales) VALUES ($id, $office, $case, $decision, $seized, $valued, $first, $firstPrice, $sold, $price, $paid, $disposed, $outcome, $realised, $payout, $completed, $steps, $failed, '')";
        var p = FactParameters.Select(n => fact.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        using var deadline = connection.CreateCommand();
        deadline.CommandText = "INSERT INTO Deadlines (Id, AssetId, Office, Officer, Kind, DueDate, RuleSet, Basis, State, OpenedOn, ClosedOn, ClosedBy) VALUES ($id, $asset, $office, 'officer', 1, $due, $rules, 'LTHADS 98.2', $state, $opened, $closed, '')";
        var q = DeadlineParameters.Select(n => deadline.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        fact.Transaction = (SqliteTransaction)transaction;
        deadline.Transaction = (SqliteTransaction)transaction;
        var first = new DateOnly(2022, 10, 1);
        static object Day(DateOnly? d) => d is { } v ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        for (var i = 0; i < assets; i++)
        {
            var seized = first.AddDays(i * 7 % 1460);
            var price = 100_000_000L + (i % 97 * 250_000_000L);
            var kind = i % 10;
            DateOnly? valued = kind > 0 ? seized.AddDays(20) : null;
            DateOnly? auction = kind > 2 ? seized.AddDays(60) : null;
            DateOnly? sold = kind > 5 ? seized.AddDays(100) : null;
            DateOnly? paid = kind > 6 ? seized.AddDays(130) : null;
            var (outcome, disposed) = kind switch
            {
                1 => (AssetOutcome.Released, seized.AddDays(200)),
                4 => (AssetOutcome.Redeemed, seized.AddDays(90)),
                5 => (AssetOutcome.TakenByCreditor, seized.AddDays(300)),
                8 or 9 => (AssetOutcome.SoldAndPaid, seized.AddDays(150)),
                _ => (AssetOutcome.None, (DateOnly?)null),
            };
            DateOnly? payout = outcome == AssetOutcome.SoldAndPaid && kind == 9 ? seized.AddDays(165) : null;
            DateOnly? completed = outcome == AssetOutcome.None ? null : outcome == AssetOutcome.SoldAndPaid ? payout : disposed;
            var office = $"O-{i % offices}";
            object[] values =
            [
                $"A{i:D10}", office, $"C{i / 2:D9}", Day(seized.AddDays(-30)), Day(seized), Day(valued), Day(auction), auction is null ? 0L : price,
                Day(sold), sold is null ? 0L : price * 95 / 100, Day(paid), Day(disposed), (int)outcome, outcome == AssetOutcome.None ? 0L : price, Day(payout), Day(completed),
                valued is null ? "" : $"V{Day(valued)}={price}" + (sold is not null ? $";R{Day(seized.AddDays(80))}={price * 9 / 10}" : ""),
                sold is not null ? (string)Day(seized.AddDays(60)) : "",
            ];
            for (var k = 0; k < p.Length; k++)
            {
                p[k].Value = values[k];
            }

            await fact.ExecuteNonQueryAsync();
            var due = seized.AddDays(7);
            object[] limit = [$"D{i:D10}", $"A{i:D10}", office, Day(due), due >= new DateOnly(2026, 7, 1) ? "2026" : "legacy", kind > 0 ? 2 : 1, Day(seized), Day(valued)];
            for (var k = 0; k < q.Length; k++)
            {
                q[k].Value = limit[k];
            }

            await deadline.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
