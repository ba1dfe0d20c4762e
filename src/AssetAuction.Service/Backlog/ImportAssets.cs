using System.Threading.Channels;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Security;
using Grpc.Core;
using Microsoft.Extensions.Options;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>
/// ImportAssets: reads the options, then the records in chunks; chunks are imported by
/// <see cref="ImportChunkWriter"/> (<see cref="AssetImportOptions.ChunksInFlight"/> at a time, so one is decided while another commits) and each chunk's
/// outcomes go back with the progress so far. The import is audited when it starts and when it ends (or is
/// interrupted), with the file's digest and the counts; a dry run writes nothing, the audit included.
/// </summary>
public sealed class ImportAssets(ImportChunkWriter chunks, IServiceScopeFactory scopes, GroupCommit commits, IOptions<AssetImportOptions> options, ILogger<ImportAssets> logger)
{
    private readonly AssetImportOptions _options = options.Value;

    public async Task HandleAsync(IAsyncStreamReader<V1.ImportAssetsRequest> requests, IServerStreamWriter<V1.ImportAssetsResponse> responses, RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        var session = await StartAsync(requests, context);
        var progress = new V1.ImportProgress
        {
            Import = session.Name, DryRun = session.DryRun, Office = session.Office, FileName = session.FileName, FileSha256 = session.FileSha256,
        };
        var gate = new SemaphoreSlim(1, 1);
        async Task SendAsync(IEnumerable<V1.ImportOutcome> outcomes, bool done)
        {
            // Counted even when the client has gone: a chunk that committed is in the import's audit entry.
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                foreach (var outcome in outcomes)
                {
                    progress.Imported += outcome.Status is V1.ImportOutcome.Types.Status.Imported or V1.ImportOutcome.Types.Status.Valid ? 1 : 0;
                    progress.Unchanged += outcome.Status == V1.ImportOutcome.Types.Status.Unchanged ? 1 : 0;
                    progress.Failed += outcome.Status == V1.ImportOutcome.Types.Status.Failed ? 1 : 0;
                }

                progress.Done = done;
                var response = new V1.ImportAssetsResponse { Progress = progress.Clone() };
                response.Outcomes.Add(outcomes);
                await responses.WriteAsync(response, ct);
            }
            finally
            {
                gate.Release();
            }
        }

        await AuditAsync(session, EventTypes.ImportStarted, progress);
        await SendAsync([], done: false);
        var finished = false;
        try
        {
            // A worker that fails stops the reading too (else the reader would wait on a full queue for ever);
            // its error is the call's.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var queue = Channel.CreateBounded<List<ReadRecord>>(_options.ChunksInFlight);
            var workers = Enumerable.Range(0, _options.ChunksInFlight).Select(_ => Task.Run(async () =>
            {
                try
                {
                    await foreach (var chunk in queue.Reader.ReadAllAsync(stop.Token))
                    {
                        await SendAsync(await chunks.ImportAsync(session, chunk, stop.Token), done: false);
                    }
                }
                catch
                {
                    await stop.CancelAsync();
                    throw;
                }
            }, CancellationToken.None)).ToList();
            try
            {
                await ReadChunksAsync(requests, queue.Writer, _options.ChunkRecords, progress, gate, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // A worker failed: Task.WhenAll below throws its error.
            }
            finally
            {
                queue.Writer.TryComplete();

                // Chunks already being written finish first (a write is never cut off), so the audit entry counts them.
                foreach (var worker in workers)
                {
                    await ((Task)worker).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }

            await Task.WhenAll(workers);
            finished = true;
            await SendAsync([], done: true);
        }
        finally
        {
            // Every chunk that committed stays committed; the audit says how far the import got, also when it was cut off.
            try
            {
                await AuditAsync(session, finished ? EventTypes.ImportFinished : EventTypes.ImportInterrupted, progress);
            }
            catch (Exception e) when (!finished)
            {
                // The import's own error is the one to report; this one is logged.
                logger.LogError(e, "The audit entry of the interrupted import {Import} was not written", session.Name);
            }

            logger.LogInformation("Import {Import} into {Office} {Outcome}: {Read} read, {Imported} imported, {Unchanged} unchanged, {Failed} failed{DryRun}", session.Name, session.Office, finished ? "finished" : "interrupted", progress.RecordsRead, progress.Imported, progress.Unchanged, progress.Failed, session.DryRun ? " (dry run)" : "");
        }
    }

    /// <summary>The options, which must come first, checked; the caller must be the office's case management system.</summary>
    private static async Task<ImportSession> StartAsync(IAsyncStreamReader<V1.ImportAssetsRequest> requests, RequestContext context)
    {
        if (!await requests.MoveNext(context.CancellationToken) || requests.Current.ItemCase != V1.ImportAssetsRequest.ItemOneofCase.Options)
        {
            throw Invalid("options", "Send the import's options as the first message, then the records.");
        }

        var options = requests.Current.Options;
        if (!Guid.TryParseExact(options.ImportId, "D", out var importId))
        {
            throw Invalid("options.import_id", "Must be a UUID (8-4-4-4-12 hex digits) naming the import; send the same one again to resume it.");
        }

        if (options.FileSha256.Length > 0 && (options.FileSha256.Length != 64 || !options.FileSha256.All(Uri.IsHexDigit)))
        {
            throw Invalid("options.file_sha256", "Must be empty or the file's SHA-256 in 64 hex digits.");
        }

        if (options.FileName.Length > 256)
        {
            throw Invalid("options.file_name", "At most 256 characters.");
        }

        var office = options.Office.Trim().Length > 0 ? options.Office.Trim() : context.Caller.Office;
        context.Caller.EnsureCanChange(office, $"an import into office {office}");
        return new ImportSession(context, importId.ToString("D"), office, options.DryRun, options.FileName.Trim(), options.FileSha256.ToLowerInvariant());
    }

    private static async Task ReadChunksAsync(IAsyncStreamReader<V1.ImportAssetsRequest> requests, ChannelWriter<List<ReadRecord>> queue, int chunkRecords, V1.ImportProgress progress, SemaphoreSlim gate, CancellationToken ct)
    {
        var chunk = new List<ReadRecord>(chunkRecords);
        long counted = 0;
        while (await requests.MoveNext(ct))
        {
            var item = requests.Current;
            if (item.ItemCase != V1.ImportAssetsRequest.ItemOneofCase.Record)
            {
                throw Invalid("options", "Send the options once, as the first message; every later message is a record.");
            }

            counted++;
            var record = item.Record;
            chunk.Add(new ReadRecord(record.Line > 0 ? record.Line : counted, record, ImportRecordParts.Digest(record)));
            await gate.WaitAsync(ct);
            progress.RecordsRead = counted;
            gate.Release();
            if (chunk.Count == chunkRecords)
            {
                await queue.WriteAsync(chunk, ct);
                chunk = new List<ReadRecord>(chunkRecords);
            }
        }

        if (chunk.Count > 0)
        {
            await queue.WriteAsync(chunk, ct);
        }
    }

    /// <summary>The import's own audit entry (and event): who, when, the file and the counts so far. None for a dry run.</summary>
    private async Task AuditAsync(ImportSession session, string what, V1.ImportProgress progress)
    {
        if (session.DryRun)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
        var log = new ChangeLog();
        log.Record(what, session.Name, session.Office, null, progress.Clone());
        var result = await commits.CommitAsync(new PendingWrite
        {
            Db = db,
            Actor = session.Actor,
            Rpc = session.Context.Method,
            RequestId = session.ImportId,
            Decided = new Decision([.. log.Changes.Select(JournalWriter.Format)], null),
            CancellationToken = CancellationToken.None,
        });
        if (result.Outcome != WriteOutcome.Committed)
        {
            throw result.Error ?? new InvalidOperationException($"The audit entry {what} of {session.Name} was not written.");
        }
    }

    private static RequestValidationException Invalid(string field, string message) => new([new FieldViolation(field, message)]);
}
