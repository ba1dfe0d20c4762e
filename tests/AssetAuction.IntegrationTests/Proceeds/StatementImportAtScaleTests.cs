using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.PipelineDriver;

namespace AssetAuction.IntegrationTests.Proceeds;

/// <summary>The service with statements imported in parts of 1,000 lines, so a 20,000-line statement runs in many units.</summary>
public sealed class SmallStatementPartsService : IDisposable
{
    public ServiceFactory Service { get; } = new(
        Path.Combine(Path.GetTempPath(), "assetauction-tests", $"{Guid.NewGuid():N}.db"),
        settings: new Dictionary<string, string> { ["Statements:ChunkLines"] = "1000" });

    public void Dispose() => Service.Dispose();
}

/// <summary>
/// Large statements: imported in bounded parts with the same pairing as one pass over all lines, stored once by
/// digest, journalled as counts and digest, replayed for a retry, and completed exactly once after an interruption.
/// </summary>
public sealed class StatementImportAtScaleTests(SmallStatementPartsService fixture) : IClassFixture<SmallStatementPartsService>
{
    private const string Header = "date,amount,reference,counterparty\n";
    private readonly ServiceFactory _service = fixture.Service;

    [Fact]
    public async Task A_20000_line_statement_imports_in_parts_with_the_pairing_of_one_pass_and_a_lean_journal()
    {
        var books = ProceedsScenario.Finance(_service, "finance-import");
        var asset = (await SeizeAsync(_service)).Asset.Name;

        // An older unmatched line of the office, imported before its movement was recorded: it is the oldest line
        // of its key, so it gets the first movement of that key when the next import runs.
        var older = await books.ImportStatementAsync(Request("SK-OLD", Header + "2026-11-20,7000,\"BIG-DUP-B\",Earlier\n"));
        Assert.Equal((1, 0), (older.UnmatchedLineCount, older.LinesMatched));

        // Custody movements, recorded in this order (ledger id order): three of one key, two of another, 30 of their own.
        var dupA = new List<string>();
        var dupB = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            dupA.Add(await CustodyAsync(books, asset, 5_000, "BIG-DUP-A"));
        }

        for (var i = 0; i < 2; i++)
        {
            dupB.Add(await CustodyAsync(books, asset, 7_000, "BIG-DUP-B"));
        }

        var unique = new Dictionary<int, string>();
        for (var i = 0; i < 30; i++)
        {
            unique[i] = await CustodyAsync(books, asset, 10_000 + i, $"BIG-REF-{i}");
        }

        // 20,000 lines (header is line 1, so data lines are 2..20001), over 4 MiB with their long counterparties:
        // above the general message limit, within the proceeds service's. Keys that repeat straddle part boundaries.
        var special = new Dictionary<int, (long Amount, string Reference)>
        {
            [500] = (5_000, "BIG-DUP-A"), [1500] = (5_000, "BIG-DUP-A"), [2500] = (5_000, "BIG-DUP-A"), [9000] = (5_000, "BIG-DUP-A"), [15000] = (5_000, "BIG-DUP-A"),
            [1000] = (7_000, "BIG-DUP-B"), [1001] = (7_000, "BIG-DUP-B"), [1002] = (7_000, "BIG-DUP-B"),
            [19999] = (10_000, "BIG-REF-1"), // the reference of a movement, another amount: no match
        };
        for (var i = 0; i < 30; i++)
        {
            special[100 + (i * 650)] = (10_000 + i, $"BIG-REF-{i}");
        }

        var csv = Statement(20_000, n => special.TryGetValue(n, out var s) ? s : (1_000_000 + n, $"BIG-UNKNOWN-{n}"));
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 4 * 1024 * 1024);
        var request = Request("SK-BIG", csv);
        var imported = await books.ImportStatementAsync(request);

        // The pairing one pass gives: lines oldest first, movements in ledger order, each movement once.
        var expected = new Dictionary<int, string>
        {
            [500] = dupA[0], [1500] = dupA[1], [2500] = dupA[2],
            [1000] = dupB[1], // the older line took dupB[0]
        };
        for (var i = 0; i < 30; i++)
        {
            expected[100 + (i * 650)] = unique[i];
        }

        var matched = await _service.WithDbAsync(db => db.StatementLines.AsNoTracking()
            .Where(s => s.Office == TestData.Office && s.StatementId == "SK-BIG" && s.MatchedTransactionId != null)
            .ToDictionaryAsync(s => s.LineNumber, s => s.MatchedTransactionId!));
        Assert.Equal(expected.OrderBy(p => p.Key), matched.OrderBy(p => p.Key));
        var olderMatch = await _service.WithDbAsync(db => db.StatementLines.AsNoTracking().Where(s => s.StatementId == "SK-OLD").Select(s => s.MatchedTransactionId).SingleAsync());
        Assert.Equal(dupB[0], olderMatch);

        Assert.Equal(20_000, imported.LinesRead);
        Assert.Equal(0, imported.LinesAlreadyImported);
        Assert.Equal(expected.Count + 1, imported.LinesMatched); // with the older line
        Assert.Equal(20_000 - expected.Count, imported.UnmatchedLineCount);
        Assert.Equal(1_000, imported.UnmatchedLines.Count); // the first 1,000 of them
        Assert.Equal(Enumerable.Range(2, 20_000).Where(n => !expected.ContainsKey(n)).Take(1_000), imported.UnmatchedLines.Select(l => l.LineNumber));
        Assert.Equal(Digest(csv), imported.ContentDigest);

        // The journal: one start, the parts (20 of 1,000 lines), one re-match, one finish; small entries, no content.
        var resource = $"offices/{TestData.Office}/statements/SK-BIG";
        var audit = await _service.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Resource == resource).OrderBy(a => a.Sequence).ToListAsync());
        var events = await _service.WithDbAsync(db => db.Events.AsNoTracking().Where(e => e.Resource == resource).ToListAsync());
        string[] parts = ["statement.import_started", "statement.lines_rematched", .. Enumerable.Repeat("statement.lines_imported", 20), "statement.imported"];
        Assert.Equal(parts, events.OrderBy(e => e.Sequence).Select(e => e.Type));
        Assert.Equal(23, audit.Count);
        Assert.All(audit, a => Assert.True(a.AfterJson.Length < 1_000, $"audit entry of {a.AfterJson.Length} characters"));
        Assert.All(events, e => Assert.True(e.Payload.Length < 1_000, $"event of {e.Payload.Length} bytes"));
        Assert.All(audit, a => Assert.Contains(imported.ContentDigest, a.AfterJson, StringComparison.Ordinal));
        Assert.Contains($"\"unmatchedLineCount\": {20_000 - expected.Count}", audit[^1].AfterJson, StringComparison.Ordinal);
        var stored = await _service.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.RequestId == request.RequestId));
        Assert.True(stored.Response.Length < 300_000, $"stored response of {stored.Response.Length} bytes"); // 1,000 listed lines of ~260 bytes, not 20,000

        // A retry with the same request_id replays the response and changes nothing.
        var replayed = await books.ImportStatementAsync(request);
        Assert.Equal(imported, replayed);
        Assert.Equal(23, await _service.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Resource == resource)));

        // The same request_id with other content is refused.
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, "REQUEST_ID_REUSED", () => books.ImportStatementAsync(new ImportStatementRequest(request) { CsvContent = csv + "2026-11-20,1,\"x\",y\n" }).ResponseAsync);

        // Importing the statement again (a new request) adds and matches nothing; its content is stored once.
        var again = await books.ImportStatementAsync(Request("SK-BIG", csv));
        Assert.Equal((20_000, 20_000, 0, 0), (again.LinesRead, again.LinesAlreadyImported, again.LinesMatched, again.UnmatchedLineCount));
        Assert.Empty(again.UnmatchedLines);
        Assert.Equal(20_000, await _service.WithDbAsync(db => db.StatementLines.CountAsync(s => s.StatementId == "SK-BIG")));
        var copies = await _service.WithDbAsync(db => db.StoredStatements.AsNoTracking().Where(s => s.Office == TestData.Office && s.Digest == imported.ContentDigest).ToListAsync());
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), Assert.Single(copies).ContentBytes);
        Assert.Equal(csv, Decompress(copies[0].ContentGzip));
        var starts = await _service.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Resource == resource && a.AfterJson.Contains("\"linesRead\": 20000") && a.AfterJson.Contains("contentStored")).CountAsync());
        Assert.Equal(1, starts); // only the first import stored the content (content_stored is left out when false)
    }

    [Fact]
    public async Task An_import_cut_off_between_parts_completes_exactly_once_when_retried()
    {
        var books = ProceedsScenario.Finance(_service, "finance-import");
        var asset = (await SeizeAsync(_service)).Asset.Name;
        var movement = await CustodyAsync(books, asset, 4_321, "CUT-MATCH");
        var csv = Statement(5_000, n => n switch
        {
            3_500 => (99, "CUT-BOOM"),
            4_200 => (4_321, "CUT-MATCH"),
            _ => (2_000_000 + n, $"CUT-UNKNOWN-{n}"),
        });
        var request = Request("SK-CUT", csv);

        // The database refuses line 3,500: the part holding it (lines 3002..4001) fails and rolls back, after the
        // parts before it committed, as when the process dies half-way through.
        await ExecuteAsync("CREATE TRIGGER cut_import BEFORE INSERT ON StatementLines WHEN NEW.Reference = 'CUT-BOOM' BEGIN SELECT RAISE(ABORT, 'cut off for the test'); END;");
        await Assert.ThrowsAsync<RpcException>(() => books.ImportStatementAsync(request).ResponseAsync);
        Assert.Equal(3_000, await LinesAsync());
        var resource = $"offices/{TestData.Office}/statements/SK-CUT";
        Assert.Equal(0, await _service.WithDbAsync(db => db.Events.CountAsync(e => e.Resource == resource && e.Type == "statement.imported")));

        // The retry replays the parts that committed and imports the rest: every line once, one finish.
        await ExecuteAsync("DROP TRIGGER cut_import;");
        var completed = await books.ImportStatementAsync(request);
        Assert.Equal((5_000, 0, 1, 4_999), (completed.LinesRead, completed.LinesAlreadyImported, completed.LinesMatched, completed.UnmatchedLineCount));
        Assert.Equal(5_000, await LinesAsync());
        Assert.Equal(Enumerable.Range(2, 5_000), await _service.WithDbAsync(db => db.StatementLines.AsNoTracking().Where(s => s.StatementId == "SK-CUT").Select(s => s.LineNumber).OrderBy(n => n).ToListAsync()));
        Assert.Equal(movement, await _service.WithDbAsync(db => db.StatementLines.AsNoTracking().Where(s => s.StatementId == "SK-CUT" && s.LineNumber == 4_200).Select(s => s.MatchedTransactionId).SingleAsync()));
        var types = await _service.WithDbAsync(db => db.Events.AsNoTracking().Where(e => e.Resource == resource).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync());
        string[] parts = ["statement.import_started", .. Enumerable.Repeat("statement.lines_imported", 5), "statement.imported"];
        Assert.Equal(parts, types);

        // And a further retry only replays.
        Assert.Equal(completed, await books.ImportStatementAsync(request));
        Assert.Equal(7, await _service.WithDbAsync(db => db.Events.CountAsync(e => e.Resource == resource)));
    }

    private async Task<int> LinesAsync() => await _service.WithDbAsync(db => db.StatementLines.CountAsync(s => s.StatementId == "SK-CUT"));

    private Task<int> ExecuteAsync(string sql) => _service.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>A custody receipt of <paramref name="amount"/> with <paramref name="reference"/>; returns its transaction id.</summary>
    private static async Task<string> CustodyAsync(ProceedsService.ProceedsServiceClient books, string asset, long amount, string reference) =>
        (await books.RecordLedgerCorrectionAsync(new RecordLedgerCorrectionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Asset = asset, Reason = reference, ValueDate = D(2026, 11, 20),
            Postings = { new LedgerEntry { Account = LedgerAccount.Custody, Amount = amount }, new LedgerEntry { Account = LedgerAccount.RedemptionReceipts, Amount = -amount } },
        })).Entries[0].TransactionId;

    private static ImportStatementRequest Request(string statementId, string csv) =>
        new() { RequestId = Guid.NewGuid().ToString(), Office = TestData.Office, StatementId = statementId, CsvContent = csv };

    /// <summary><paramref name="count"/> data lines, numbered as the service numbers them (the header is line 1).</summary>
    private static string Statement(int count, Func<int, (long Amount, string Reference)> line)
    {
        var csv = new StringBuilder(Header);
        var counterparty = new string('c', 200);
        for (var n = 2; n <= count + 1; n++)
        {
            var (amount, reference) = line(n);
            csv.Append(CultureInfo.InvariantCulture, $"2026-11-{1 + (n % 28):D2},{amount},\"{reference}\",\"Counterparty {counterparty}\"\n");
        }

        return csv.ToString();
    }

    private static string Digest(string csv) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));

    private static string Decompress(byte[] gzip)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(gzip), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
