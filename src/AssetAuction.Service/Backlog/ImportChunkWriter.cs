using AssetAuction.Domain.Assets;
using AssetAuction.Domain.Common;
using AssetAuction.Domain.Organizations;
using AssetAuction.Domain.Proceeds;
using AssetAuction.Service.Assets;
using AssetAuction.Service.Data;
using AssetAuction.Service.Events;
using AssetAuction.Service.Journal;
using AssetAuction.Service.Pipeline;
using AssetAuction.Service.Proceeds;
using AssetAuction.Service.Requests;
using AssetAuction.Service.Seizures;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using V1 = AssetAuction.Contracts.V1;

namespace AssetAuction.Service.Backlog;

/// <summary>
/// Imports a chunk of records: the ones imported before are found in one query and answered UNCHANGED without
/// being replayed (which is what makes resuming cheap); the rest are replayed in memory, checked against what
/// is stored in a few set-based queries (parcels under seizure, the case's obligations, the organizations), and
/// written in one group-committed write, all before the write lock except the write itself. Each record is
/// all or nothing: a record the law or the stored data refuses is left out, with its reason. The unique
/// indexes (source reference per office, active parcel or vehicle, creditor per case) back the checks up under
/// a race; a chunk that loses one is checked and decided again.
/// </summary>
public sealed class ImportChunkWriter(IServiceScopeFactory scopes, GroupCommit commits, ImportRecordCheck check, StepContexts steps, TimeProvider clock, IIdGenerator ids)
{
    /// <summary>How often a chunk that lost a race with another write is decided again before its records are reported failed.</summary>
    public const int MaxAttempts = 4;

    public const string ImportedEvent = EventTypes.AssetImported;

    public async Task<List<V1.ImportOutcome>> ImportAsync(ImportSession session, IReadOnlyList<ReadRecord> chunk, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(chunk);
        var outcomes = new V1.ImportOutcome?[chunk.Count];
        for (var i = 0; i < chunk.Count; i++)
        {
            await ShareTheCores();
            if (check.Check(chunk[i].Record, session.Office) is { } failure)
            {
                outcomes[i] = Failed(chunk[i], failure);
            }
        }

        for (var attempt = 1; attempt <= MaxAttempts && outcomes.Any(o => o is null); attempt++)
        {
            ct.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AssetAuctionDbContext>();
            var open = Enumerable.Range(0, chunk.Count).Where(i => outcomes[i] is null).ToList();
            await AnswerImportedBeforeAsync(db, session, chunk, open, outcomes, ct);
            open = [.. open.Where(i => outcomes[i] is null)];
            if (open.Count == 0)
            {
                break;
            }

            var decided = await DecideAsync(db, session, chunk, open, outcomes, ct);
            await RefuseWhatStoredDataForbidsAsync(db, session, chunk, decided, outcomes, ct);
            if (decided.Count == 0)
            {
                continue;
            }

            if (session.DryRun)
            {
                foreach (var (i, record) in decided)
                {
                    outcomes[i] = Outcome(chunk[i], V1.ImportOutcome.Types.Status.Valid, "");
                }

                break;
            }

            var result = await WriteAsync(db, session, decided, ct);
            if (result.Outcome == WriteOutcome.Committed)
            {
                foreach (var (i, record) in decided)
                {
                    outcomes[i] = Outcome(chunk[i], V1.ImportOutcome.Types.Status.Imported, record.Asset.Name);
                }
            }
            else if (result.Outcome is not (WriteOutcome.UniqueConflict or WriteOutcome.VersionConflict))
            {
                // Not a race: the database refused the write for a reason a retry would not change.
                throw result.Error ?? new InvalidOperationException("An import chunk failed without an error.");
            }
        }

        for (var i = 0; i < chunk.Count; i++)
        {
            outcomes[i] ??= Failed(chunk[i], new ImportFailure(-1, "", ServiceReasons.ConcurrentModification, $"Other writes to the same parcels, references or obligations won {MaxAttempts} races with this record; send the file again to resume."));
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>Records whose source reference is taken: the same record imported before is UNCHANGED; anything else under it is refused.</summary>
    private static async Task AnswerImportedBeforeAsync(AssetAuctionDbContext db, ImportSession session, IReadOnlyList<ReadRecord> chunk, List<int> open, V1.ImportOutcome?[] outcomes, CancellationToken ct)
    {
        List<string?> references = [.. open.Select(i => chunk[i].Record.SourceReference.Trim()).Distinct()];
        var office = session.Office;
        var taken = await db.Assets.AsNoTracking()
            .Where(a => a.Office == office && references.Contains(a.SourceReference))
            .Select(a => new { a.Id, a.SourceReference, a.ImportDigest })
            .ToDictionaryAsync(a => a.SourceReference!, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in open)
        {
            var read = chunk[i];
            var reference = read.Record.SourceReference.Trim();
            if (taken.TryGetValue(reference, out var earlier))
            {
                var name = ResourceNames.Asset(earlier.Id);
                outcomes[i] = earlier.ImportDigest == read.Digest
                    ? Outcome(read, V1.ImportOutcome.Types.Status.Unchanged, name)
                    : Failed(read, new ImportFailure(-1, "source_reference", Reasons.SourceReferenceExists, earlier.ImportDigest is null
                        ? $"The office already registered {name} under this source reference; it is not imported again."
                        : $"{name} was imported under this source reference from a different record; an import does not change an asset (carry it on with the pipeline RPCs)."));
            }
            else if (!seen.Add(reference))
            {
                outcomes[i] = Failed(read, new ImportFailure(-1, "source_reference", Reasons.SourceReferenceExists, "An earlier record of this chunk has the same source reference."));
            }
        }
    }

    /// <summary>Replays each open record on a new asset; a record the law refuses gets its outcome here.</summary>
    private async Task<List<(int Index, DecidedRecord Record)>> DecideAsync(AssetAuctionDbContext db, ImportSession session, IReadOnlyList<ReadRecord> chunk, List<int> open, V1.ImportOutcome?[] outcomes, CancellationToken ct)
    {
        var organizationIds = open
            .SelectMany(i => chunk[i].Record.Acts)
            .Where(a => a.ActCase == V1.ImportAct.ActOneofCase.SignAuctionContract)
            .Select(a => AuctionOrganization.IdOf(a.SignAuctionContract.Organization))
            .OfType<string>()
            .Distinct()
            .ToList();
        var organizations = organizationIds.Count == 0
            ? new Dictionary<string, AuctionOrganization>()
            : await db.AuctionOrganizations.AsNoTracking().Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => AuctionOrganization.NamePrefix + o.Id, StringComparer.Ordinal, ct);
        var step = steps.For(session.Context) with { Import = session.Name };
        var decided = new List<(int, DecidedRecord)>(open.Count);
        foreach (var i in open)
        {
            await ShareTheCores();
            var (record, failure) = ImportRecordDecider.Decide(chunk[i].Record, chunk[i].Digest, step, organizations);
            if (failure is not null)
            {
                outcomes[i] = Failed(chunk[i], failure);
            }
            else
            {
                decided.Add((i, record!));
            }
        }

        return decided;
    }

    /// <summary>
    /// What only the stored data can refuse, in set-based queries: a parcel or vehicle under another active
    /// seizure, and an obligation of the case already registered with other content. Records refused are taken
    /// out of <paramref name="decided"/>; obligations registered before with the same content are left out of the write.
    /// </summary>
    private static async Task RefuseWhatStoredDataForbidsAsync(AssetAuctionDbContext db, ImportSession session, IReadOnlyList<ReadRecord> chunk, List<(int Index, DecidedRecord Record)> decided, V1.ImportOutcome?[] outcomes, CancellationToken ct)
    {
        List<string?> keys = [.. decided.Select(d => d.Record.Asset.ActiveIdentityKey).OfType<string>().Distinct()];
        var seized = keys.Count == 0
            ? []
            : (await db.Assets.AsNoTracking().Where(a => keys.Contains(a.ActiveIdentityKey)).Select(a => a.ActiveIdentityKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var office = session.Office;
        var cases = decided.Where(d => d.Record.Obligations.Count > 0).Select(d => d.Record.Asset.CaseNumber).Distinct().ToList();
        var registered = cases.Count == 0
            ? []
            : await db.Obligations.AsNoTracking().Where(o => o.Office == office && cases.Contains(o.CaseNumber)).ToListAsync(ct);
        var obligations = registered.ToDictionary(o => (o.CaseNumber, o.CreditorId), o => Comparable(o));

        for (var d = 0; d < decided.Count; d++)
        {
            var (i, record) = decided[d];
            var failure = record.Asset.ActiveIdentityKey is { } key && !seized.Add(key)
                ? new ImportFailure(-1, "seizure.assets[0]", Reasons.AssetAlreadySeized, $"This {(key.StartsWith("land:", StringComparison.Ordinal) ? "land parcel" : "vehicle")} is already under an active seizure (stored, or in an earlier record of this import); release that seizure first.")
                : ObligationConflict(record, obligations);
            if (failure is not null)
            {
                outcomes[i] = Failed(chunk[i], failure);
                decided.RemoveAt(d--);
            }
        }
    }

    /// <summary>
    /// An obligation of the record registered before (or by an earlier record of the chunk) with other content
    /// refuses the record; with the same content it is not written again.
    /// </summary>
    private static ImportFailure? ObligationConflict(DecidedRecord record, Dictionary<(string, string), V1.Obligation> known)
    {
        for (var k = 0; k < record.Obligations.Count; k++)
        {
            var obligation = record.Obligations[k];
            var comparable = Comparable(obligation);
            if (known.TryGetValue((obligation.CaseNumber, obligation.CreditorId), out var existing) && !existing.Equals(comparable))
            {
                return new ImportFailure(-1, $"obligations[{k}].obligation", RegisterObligation.CreditorAlreadyRegistered, $"Creditor {obligation.CreditorId} already has an obligation in case {obligation.CaseNumber} with other content; an import does not change it.");
            }
        }

        foreach (var obligation in record.Obligations)
        {
            known.TryAdd((obligation.CaseNumber, obligation.CreditorId), Comparable(obligation));
        }

        return null;
    }

    /// <summary>An obligation's content, without its name and time, to tell the same obligation from a different one.</summary>
    private static V1.Obligation Comparable(RegisteredObligation obligation)
    {
        var proto = obligation.ToProto();
        proto.Name = "";
        proto.CreateTime = null;
        return proto;
    }

    /// <summary>
    /// The chunk's assets, seizures, ledger postings and the case obligations not registered yet, with their
    /// journal lines, in one write. Everything but the obligations is decided here, before the write lock. The
    /// obligations are settled inside the batch, in turn: two assets of one case often sit in two chunks in flight
    /// at once, and deciding there which of them registers the case's obligations (one query by the unique key)
    /// is far cheaper than letting one chunk lose the race on the unique index and decide all over again.
    /// </summary>
    private async Task<WriteResult> WriteAsync(AssetAuctionDbContext db, ImportSession session, List<(int Index, DecidedRecord Record)> decided, CancellationToken ct)
    {
        var rows = new PreparedRows(db);
        var now = clock.GetUtcNow();
        var lines = new List<JournalLine>();
        var office = session.Office;
        foreach (var (_, record) in decided)
        {
            await ShareTheCores();
            var log = new ChangeLog();
            var asset = record.Asset;
            rows.Add(record.Seizure);
            rows.Add(asset);
            foreach (var movement in asset.TakeMovements())
            {
                foreach (var entry in LedgerWriter.Entries(ids, movement, asset.Office, asset.Id, asset.CaseNumber, now))
                {
                    rows.Add(entry);
                }
            }

            rows.Add(AssetDerivedRows.FactOf(asset));
            var shown = asset.ToProto();
            rows.Add(new AssetView(asset.Id, asset.Version, shown.ToByteArray()));

            log.Record(ImportedEvent, asset.Name, office, null, shown);

            // An organization learns of a round still ahead of it, as when the round is scheduled through the API.
            if (asset.OpenRound is { State: AuctionRoundState.Scheduled } round)
            {
                log.Record(EventTypes.OfRound(round, isNew: true), $"{asset.Name}/auctionRounds/{round.Id}", office, null, round.ToProto(asset.Description), round.OrganizationId);
            }

            lines.AddRange(log.Changes.Select(JournalWriter.Format));
        }

        // The context tracks only the case obligations the batch registers; nothing needs detecting.
        db.ChangesPrepared = true;
        var obligations = decided.SelectMany(d => d.Record.Obligations).DistinctBy(o => (o.CaseNumber, o.CreditorId)).ToList();
        async Task<Decision> SettleObligationsAsync(CancellationToken token)
        {
            var cases = obligations.Select(o => o.CaseNumber).Distinct().ToList();
            var stored = cases.Count == 0
                ? []
                : await db.Obligations.AsNoTracking().Where(o => o.Office == office && cases.Contains(o.CaseNumber)).ToDictionaryAsync(o => (o.CaseNumber, o.CreditorId), Comparable, token);
            var registered = new ChangeLog();
            foreach (var obligation in obligations)
            {
                if (stored.TryGetValue((obligation.CaseNumber, obligation.CreditorId), out var existing))
                {
                    // Registered since this chunk was checked, by another write: with other content, check the chunk again.
                    if (!existing.Equals(Comparable(obligation)))
                    {
                        throw new ObligationRaceException();
                    }

                    continue;
                }

                db.Obligations.Add(obligation);
                registered.Record(EventTypes.ObligationRegistered, obligation.Name, office, null, obligation.ToProto());
            }

            return new Decision([.. lines, .. registered.Changes.Select(JournalWriter.Format)], null);
        }

        var result = await commits.CommitAsync(new PendingWrite
        {
            Db = db,
            Actor = session.Actor,
            Rpc = session.Context.Method,
            RequestId = session.ImportId,
            Bulk = true,
            Rows = rows,
            DecideInBatch = obligations.Count == 0 ? null : SettleObligationsAsync,
            Decided = obligations.Count == 0 ? new Decision(lines, null) : null,
            CancellationToken = ct,
        });
        return result is { Outcome: WriteOutcome.Failed, Error: ObligationRaceException } ? new WriteResult(WriteOutcome.UniqueConflict, result.Error) : result;
    }

    /// <summary>An obligation of the chunk was registered meanwhile with other content: the chunk is checked again (and that record refused).</summary>
    private sealed class ObligationRaceException() : InvalidOperationException("A case obligation was registered with other content while the chunk was being decided.");

    /// <summary>
    /// Lets other work run between two records. A chunk's checks, replays and rows are milliseconds of CPU per record;
    /// done in one stretch they would hold a thread-pool thread for tens of milliseconds, and other offices' requests,
    /// each a few short steps queued on the same pool, would wait behind every chunk in flight at each step. Yielding
    /// puts the chunk's next record at the back of the pool's queue, behind what arrived meanwhile.
    /// </summary>
    private static System.Runtime.CompilerServices.YieldAwaitable ShareTheCores() => Task.Yield();

    private static V1.ImportOutcome Outcome(ReadRecord read, V1.ImportOutcome.Types.Status status, string asset) => new()
    {
        Line = read.Line,
        SourceReference = read.Record.SourceReference.Trim(),
        Status = status,
        Asset = asset,
        ActIndex = -1,
    };

    private static V1.ImportOutcome Failed(ReadRecord read, ImportFailure failure)
    {
        var outcome = Outcome(read, V1.ImportOutcome.Types.Status.Failed, "");
        outcome.ActIndex = failure.ActIndex;
        outcome.Field = failure.Field;
        outcome.Reason = failure.Reason;
        outcome.Message = failure.Message;
        return outcome;
    }
}
