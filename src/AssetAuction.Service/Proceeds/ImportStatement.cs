using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Grpc;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Security;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Proceeds;

/// <summary>
/// Imports a bank or treasury statement and matches its lines to the ledger's custody movements by reference and
/// amount. A line already imported (same fingerprint) is skipped, so importing the same statement twice changes
/// nothing.
/// <para>
/// A statement may hold 100,000 lines, so the import is a chain of short units, each an ordinary all-or-nothing
/// mutation (audit entry, event, idempotency record) that holds the journal lock no longer than any other write,
/// so other offices' writes go on in between:
/// </para>
/// <list type="number">
/// <item>start: the content is stored once per office under its SHA-256 (<c>statement.import_started</c>);</item>
/// <item>re-match, when there is any: older unmatched lines of the office whose movement has been recorded since
/// (<c>statement.lines_rematched</c>);</item>
/// <item>one part per <see cref="StatementImportOptions.ChunkLines"/> lines: the new lines inserted and matched
/// (<c>statement.lines_imported</c>);</item>
/// <item>finish: the totals, stored as the response under the request's own request_id (<c>statement.imported</c>).</item>
/// </list>
/// <para>
/// Each unit's request_id is derived from the request's (a name-based UUID of it and the unit), so a retry of an
/// import that failed or was cut off half-way replays the units that committed and runs the rest: each line is
/// imported once and the response is the one an uninterrupted import gives. Until the finish commits, the audit
/// trail shows an import started and the parts done, and no <c>statement.imported</c>.
/// </para>
/// </summary>
public sealed class ImportStatement(AssetAuctionDbContext db, MutationRunner runner, TimeProvider clock, IOptions<StatementImportOptions> options, IIdGenerator ids)
{
    /// <summary>A response lists at most this many unmatched lines; unmatched_line_count tells them all.</summary>
    public const int UnmatchedLinesListed = 1_000;

    public async Task<V1.ImportStatementResponse> HandleAsync(V1.ImportStatementRequest request, RequestContext context)
    {
        var ct = context.CancellationToken;
        var office = request.Office.Trim();
        context.Caller.EnsureCanChange(office, $"offices/{office}");
        var importId = Guid.ParseExact(request.RequestId, "D").ToString("D");

        // Answered before: the runner replays the stored response (or refuses a different request under this
        // request_id) without the statement being read, stored or matched again.
        if (await db.IdempotencyRecords.AsNoTracking().AnyAsync(r => r.RequestId == importId, ct))
        {
            return await runner.RunAsync<V1.ImportStatementRequest, V1.ImportStatementResponse>(context, request, importId, _ => throw new InvalidOperationException("A finished import only replays."));
        }

        var lines = StatementCsv.Parse(request.CsvContent);
        var content = Encoding.UTF8.GetBytes(request.CsvContent);
        var import = new Import(importId, office, request.StatementId.Trim(), Convert.ToHexStringLower(SHA256.HashData(content)), content.LongLength);
        var totals = new V1.ImportStatementResponse { LinesRead = lines.Count, ContentDigest = import.Digest };

        await StartAsync(import, request, content, lines.Count, context);
        foreach (var keys in (await StatementMatcher.RematchableKeysAsync(db, office, ct)).Chunk(options.Value.ChunkLines))
        {
            totals.LinesMatched += (await RematchAsync(import, keys, context)).LinesMatched;
        }

        foreach (var part in lines.Chunk(options.Value.ChunkLines))
        {
            var done = await ImportPartAsync(import, part, context);
            totals.LinesAlreadyImported += done.LinesAlreadyImported;
            totals.LinesMatched += done.LinesMatched;
        }

        return await runner.RunAsync(context, request, importId, async log =>
        {
            var unmatched = db.StatementLines.AsNoTracking().Where(s => s.Office == office && s.ImportId == importId && s.MatchedTransactionId == null);
            totals.UnmatchedLineCount = await unmatched.CountAsync(ct);
            totals.UnmatchedLines.Add((await unmatched.OrderBy(s => s.LineNumber).Take(UnmatchedLinesListed).ToListAsync(ct)).Select(s => s.ToProto()));

            // The journal keeps the counts and the digest; the lines themselves are in the database and the response.
            var summary = totals.Clone();
            summary.UnmatchedLines.Clear();
            log.Record(EventTypes.StatementImported, import.Resource, office, null, summary);
            return totals;
        });
    }

    /// <summary>Stores the content once per office, and opens the import in the audit trail.</summary>
    private async Task StartAsync(Import import, V1.ImportStatementRequest request, byte[] content, int lineCount, RequestContext context)
    {
        var ct = context.CancellationToken;

        // Compressed before the write lock, unless the office already holds this content (it is never removed).
        var held = await db.StoredStatements.AnyAsync(s => s.Office == import.Office && s.Digest == import.Digest, ct);
        var gzip = held ? null : Compress(content);

        // The whole request is this unit's request: its hash binds the content to the request_id, so a retry of an
        // unfinished import with other content is REQUEST_ID_REUSED instead of a mix of two statements.
        await RunUnitAsync(context, request, import.Derive("start"), async log =>
        {
            var store = gzip is not null && !await db.StoredStatements.AnyAsync(s => s.Office == import.Office && s.Digest == import.Digest, ct);
            if (store)
            {
                db.StoredStatements.Add(new StoredStatement
                {
                    Office = import.Office,
                    Digest = import.Digest,
                    StatementId = import.StatementId,
                    ContentGzip = gzip!,
                    ContentBytes = import.ContentBytes,
                    LineCount = lineCount,
                    StoreTime = clock.GetUtcNow(),
                    StoredBy = context.Caller.Subject,
                });
            }

            var started = import.Summary();
            started.ContentStored = store;
            started.LinesRead = lineCount;
            log.Record(EventTypes.StatementImportStarted, import.Resource, import.Office, null, started);
            return new V1.ImportStatementResponse { LinesRead = lineCount, ContentDigest = import.Digest };
        });
    }

    /// <summary>Older unmatched lines whose movement has been recorded since: matched first, as the oldest lines.</summary>
    private Task<V1.ImportStatementResponse> RematchAsync(Import import, StatementMatcher.Key[] keys, RequestContext context)
    {
        // Named by the keys it covers: a retry that finds the same keys replays, one that finds others matches them.
        var keysDigest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys.Select(k => $"{k.Amount}|{k.Reference}")))));
        var requestId = import.Derive($"rematch:{keysDigest}");
        return RunUnitAsync(context, import.PartRequest(requestId, $"rematch {keysDigest}"), requestId, async log =>
        {
            var matched = await StatementMatcher.MatchAsync(db, import.Office, keys, [], context.CancellationToken);
            var rematched = import.Summary();
            rematched.LinesMatched = matched;
            log.Record(EventTypes.StatementLinesRematched, import.Resource, import.Office, null, rematched);
            return new V1.ImportStatementResponse { LinesMatched = matched };
        });
    }

    /// <summary>One part of the statement: its new lines inserted, matched together with older lines of the same keys.</summary>
    private Task<V1.ImportStatementResponse> ImportPartAsync(Import import, StatementCsv.Line[] part, RequestContext context)
    {
        var ct = context.CancellationToken;
        var (first, last) = (part[0].Number, part[^1].Number);

        // Named by its lines, not its position: were the part size changed between a failure and its retry, the
        // retry's parts get new ids, and the lines the first attempt imported are skipped by their fingerprints.
        var requestId = import.Derive($"lines:{first}-{last}");
        return RunUnitAsync(context, import.PartRequest(requestId, $"lines {first}-{last}"), requestId, async log =>
        {
            // The same line of the same statement: imported once. Identical transfers on other statements are new lines.
            var fingerprints = part.Select(line => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                $"{import.Office}|{import.StatementId}|{line.Number}|{line.Date:yyyy-MM-dd}|{line.Amount}|{line.Reference}")))).ToList();
            // Looked up by the part's line numbers, which the unique index leads with: a fingerprint names its
            // statement and line, so the lines of this part imported before are among these rows.
            var known = (await db.StatementLines.AsNoTracking()
                    .Where(s => s.Office == import.Office && s.StatementId == import.StatementId && s.LineNumber >= first && s.LineNumber <= last)
                    .Select(s => s.Fingerprint).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var now = clock.GetUtcNow();
            var added = part.Zip(fingerprints)
                .Where(p => !known.Contains(p.Second))
                .Select(p => new StatementLine(ids.NewId(now), import.Office, import.StatementId, p.First.Number, p.Second, p.First.Date, p.First.Amount, p.First.Reference, p.First.Counterparty, now, import.Id))
                .ToList();
            var matched = await StatementMatcher.MatchAsync(db, import.Office, added.Select(l => new StatementMatcher.Key(l.Amount, l.Reference)).ToList(), added, ct);
            await InsertAsync(added, ct);

            var imported = import.Summary();
            (imported.FirstLineNumber, imported.LastLineNumber, imported.LinesRead) = (first, last, part.Length);
            (imported.LinesAlreadyImported, imported.LinesAdded, imported.LinesMatched) = (part.Length - added.Count, added.Count, matched);
            log.Record(EventTypes.StatementLinesImported, import.Resource, import.Office, null, imported);
            return new V1.ImportStatementResponse { LinesRead = part.Length, LinesAlreadyImported = part.Length - added.Count, LinesMatched = matched };
        });
    }

    /// <summary>
    /// One unit of the import. The context forgets what the unit loaded and added once it has committed: a
    /// 100,000-line import would otherwise track every line, and each later unit's save would scan them all.
    /// </summary>
    private async Task<V1.ImportStatementResponse> RunUnitAsync(RequestContext context, V1.ImportStatementRequest request, string requestId, Func<ChangeLog, Task<V1.ImportStatementResponse>> change)
    {
        try
        {
            return await runner.RunAsync(context, request, requestId, change);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The part's new lines, inserted by the model's prepared INSERT on the batch's connection, inside this unit's
    /// savepoint: EF Core's SaveChanges tracked, batched and generated SQL for every line inside the serial commit
    /// loop (a sixth of an import's CPU in a profile). A line another import inserted meanwhile is a unique
    /// violation, and the unit is decided again, as it would be under SaveChanges.
    /// </summary>
    private async Task InsertAsync(List<StatementLine> added, CancellationToken ct)
    {
        var rows = new PreparedRows(db);
        foreach (var line in added)
        {
            rows.Add(line);
        }

        await using var writer = JournalRows.For(db, db.Database.CurrentTransaction ?? throw new InvalidOperationException("A statement part is decided inside its write batch."));
        await writer.AddAsync(rows, ct);
    }

    private static byte[] Compress(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return buffer.ToArray();
    }

    /// <summary>One import: the request's id and statement, and the digest of its content.</summary>
    private sealed record Import(string Id, string Office, string StatementId, string Digest, long ContentBytes)
    {
        public string Resource => $"offices/{Office}/statements/{StatementId}";

        public V1.StatementImport Summary() => new() { Office = Office, StatementId = StatementId, ContentDigest = Digest, ContentBytes = ContentBytes };

        /// <summary>
        /// A unit's request, as its idempotency record fingerprints it: the statement named by its digest and what
        /// the unit covers, not the content again (the start unit's request, the whole one, bound the content).
        /// </summary>
        public V1.ImportStatementRequest PartRequest(string requestId, string covers) =>
            new() { RequestId = requestId, Office = Office, StatementId = StatementId, CsvContent = $"sha256:{Digest} {covers}" };

        /// <summary>A name-based UUID (RFC 9562 version 8, from SHA-256) for one unit of this import: the same request_id and unit always give the same one.</summary>
        public string Derive(string unit)
        {
            var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"assetauction/statement-import/{Id}/{unit}")).AsSpan(0, 16).ToArray();
            bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
            bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
            return new Guid(bytes, bigEndian: true).ToString("D");
        }
    }

    public sealed class Validator : AbstractValidator<V1.ImportStatementRequest>
    {
        /// <summary>About 20 MB: a 100,000-line statement is 6 to 10 MB. The proceeds service's message limit (Limits:MaxStatementMessageBytes) is above it.</summary>
        public const int MaxCsvCharacters = 20_000_000;

        public Validator()
        {
            RuleFor(r => r.RequestId).IsRequestId();
            RuleFor(r => r.Office).Required(64);
            RuleFor(r => r.StatementId).Required(64);
            RuleFor(r => r.CsvContent).Required(MaxCsvCharacters);
        }
    }
}
