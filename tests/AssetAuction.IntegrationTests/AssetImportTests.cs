using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using static AssetAuction.IntegrationTests.Infrastructure.BacklogRecords;
using Kind = AssetAuction.Contracts.V1.TimeLimit.Types.Kind;
using LimitState = AssetAuction.Contracts.V1.TimeLimit.Types.State;
using Status = AssetAuction.Contracts.V1.ImportOutcome.Types.Status;

namespace AssetAuction.IntegrationTests;

/// <summary>Bulk import of an office's assets already under way, through the real client (issue 13, points 3 and 6).</summary>
public sealed class AssetImportTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private AssetImportService.AssetImportServiceClient Importer => ImportClient.Client(service);

    private async Task<string> OrganizationAsync()
    {
        var client = new AuctionOrganizationService.AuctionOrganizationServiceClient(service.Channel(service.Token("case_management", TestData.Office)));
        return (await client.CreateAuctionOrganizationAsync(new CreateAuctionOrganizationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Organization = new AuctionOrganization { DisplayName = "Công ty Đấu giá hợp danh Việt", LicenceNumber = "DG-" + TestData.Unique(), Address = "Hà Nội", Contact = "024 0000 0000" },
        })).Organization.Name;
    }

    private async Task<List<ImportRecord>> RecordsAsync(int count, string? prefix = null)
    {
        var organization = await OrganizationAsync();
        prefix ??= "GEN" + TestData.Unique();
        return [.. Enumerable.Range(1, count).Select(i => Record(i, TestData.Office, organization, prefix))];
    }

    private Task<int> AssetsWithPrefixAsync(string prefix) =>
        service.WithDbAsync(db => db.Assets.CountAsync(a => a.Office == TestData.Office && a.SourceReference!.StartsWith(prefix + "-")));

    private Task<int> AuditCountAsync() => service.WithDbAsync(db => db.AuditEntries.CountAsync());

    private static string Failures(ImportResult result) =>
        string.Join("\n", result.Outcomes.Where(o => o.Status == Status.Failed).Select(o => $"{o.Line} {o.ActIndex} {o.Field} {o.Reason} {o.Message}"));

    private async Task<Asset> AssetAsync(string reference) =>
        (await service.Seizures().GetAssetAsync(new GetAssetRequest { SourceReference = reference })).Asset;

    [Fact]
    public async Task Every_shape_of_generated_backlog_imports_with_its_history_marked_as_imported()
    {
        var records = await RecordsAsync(12);
        var options = ImportClient.Options();
        var result = await ImportClient.RunAsync(Importer, options, records);
        Assert.True(result.Outcomes.All(o => o.Status == Status.Imported), Failures(result));
        Assert.Equal((12, 12, 0, 0, true), (result.Final.RecordsRead, result.Final.Imported, result.Final.Unchanged, result.Final.Failed, result.Final.Done));
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), result.Outcomes.Select(o => o.Line).Order());

        // Each asset is where its history took it, every line of it marked with the import and none recorded late.
        var import = "imports/" + options.ImportId;
        foreach (var (record, i) in records.Select((r, i) => (r, i + 1)))
        {
            var asset = await AssetAsync(record.SourceReference);
            Assert.Equal(result.Of(record.SourceReference).Asset, asset.Name);
            Assert.Equal(import, asset.Import);
            Assert.False(asset.RecordedLate);
            Assert.Equal(record.Acts.Count + 1, asset.History.Count);
            Assert.All(asset.History, h => Assert.Equal((import, false), (h.Import, h.RecordedLate)));
            var expected = ShapeOf(i) switch
            {
                Shape.Valued => Asset.Types.State.Valued,
                Shape.FailedTwice => Asset.Types.State.AuctionScheduled,
                Shape.PartlyPaid => Asset.Types.State.Sold,
                Shape.Released => Asset.Types.State.Released,
                _ => Asset.Types.State.HandedOver,
            };
            Assert.Equal(expected, asset.State);
        }

        // Each imported asset has its statistics fact, as fresh as a rebuild would make it.
        var ids = records.Select(r => result.Of(r.SourceReference).Asset["assets/".Length..]).ToList();
        var facts = await service.WithDbAsync(async db =>
        {
            var stored = await db.Set<AssetAuction.Domain.Statistics.AssetFact>().AsNoTracking().Where(f => ids.Contains(f.AssetId)).ToListAsync();
            var assets = await db.Assets.Include(a => a.Seizure).Include(a => a.Rounds).Include(a => a.Deadlines).AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync();
            return (stored, assets);
        });
        Assert.Equal(12, facts.stored.Count);
        foreach (var asset in facts.assets)
        {
            var rebuilt = new AssetAuction.Domain.Statistics.AssetFact(asset.Id);
            rebuilt.Refresh(asset);
            Assert.Equivalent(rebuilt, facts.stored.Single(f => f.AssetId == asset.Id));
        }

        // The case's obligation is registered once for its two assets.
        var obligations = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        var listed = await obligations.ListObligationsAsync(new ListObligationsRequest { CaseNumber = records[2].Seizure.EnforcementCase.CaseNumber });
        Assert.Equal("bank", Assert.Single(listed.Obligations).CreditorId);
    }

    [Fact]
    public async Task Money_already_held_comes_in_as_an_opening_balance_beside_the_payments_the_acts_record()
    {
        var records = await RecordsAsync(3);
        var partlyPaid = records[1]; // record 2: sold and partly paid
        Assert.Equal(Shape.PartlyPaid, ShapeOf(2));
        partlyPaid.OpeningBalance = new CustodyOpeningBalance { Amount = 15_000_000, AsOf = D(new DateOnly(2026, 10, 31)), Reference = "SK-TG-2026-10" };
        var result = await ImportClient.RunAsync(Importer, ImportClient.Options(), records);
        Assert.True(result.Final.Failed == 0, Failures(result));

        var asset = await AssetAsync(partlyPaid.SourceReference);
        var finance = new ProceedsService.ProceedsServiceClient(service.Channel(service.Token("finance", TestData.Office)));
        var balances = await finance.GetLedgerBalancesAsync(new GetLedgerBalancesRequest { Asset = asset.Name });
        var sold = partlyPaid.Acts.Single(a => a.RecordAuctionResult?.Sold is not null).RecordAuctionResult.Sold;
        var paid = partlyPaid.Acts.Where(a => a.RecordBuyerPayment is not null).Sum(a => a.RecordBuyerPayment.Amount);
        long Of(LedgerAccount account) => balances.Balances.Where(b => b.Account == account).Sum(b => b.Amount);
        Assert.Equal(sold.DepositPaid + paid + 15_000_000, Of(LedgerAccount.Custody));
        Assert.Equal(-15_000_000, Of(LedgerAccount.OpeningBalance));
        Assert.Equal(-(sold.DepositPaid + paid), Of(LedgerAccount.SaleProceeds));
        Assert.True(balances.Balanced);

        // An opening balance dated before the seizure is refused, with its field.
        var early = (await RecordsAsync(1))[0];
        early.OpeningBalance = new CustodyOpeningBalance { Amount = 1_000_000, AsOf = D(new DateOnly(2023, 1, 1)) };
        var refused = (await ImportClient.RunAsync(Importer, ImportClient.Options(), [early])).Of(early.SourceReference);
        Assert.Equal((Status.Failed, "opening_balance.as_of", "DATE_BEFORE_PREVIOUS_STEP"), (refused.Status, refused.Field, refused.Reason));
    }

    [Fact]
    public async Task A_broken_record_in_the_middle_is_not_written_and_names_its_act_and_field_while_the_rest_import()
    {
        var prefix = "MID" + TestData.Unique();
        var records = await RecordsAsync(6, prefix);

        // Record 3: its first round was announced only 10 days ahead (the law asks 15 for land): refused, as it was then.
        var round = records[2].Acts.First(a => a.ScheduleAuctionRound is not null).ScheduleAuctionRound.Plan;
        var auction = DateOnly.FromDateTime(round.AuctionTime.ToDateTime()).AddDays(0);
        round.PostingDate = D(auction.AddDays(-10));
        round.RegistrationStart = D(auction.AddDays(-10));
        // Record 5: a shape error in an act: a valuation at a negative price.
        records[4].Acts[0].RecordValuation.Appraisal.Price = -1;
        // Record 6: an obligation of another case.
        records[5].Obligations[0].Obligation.CaseNumber = "THA-OTHER";

        var before = await service.WithDbAsync(db => db.Seizures.CountAsync());
        var result = await ImportClient.RunAsync(Importer, ImportClient.Options(), records);
        Assert.Equal((6, 3, 3), (result.Final.RecordsRead, result.Final.Imported, result.Final.Failed));

        var late = result.Of(records[2].SourceReference);
        var actIndex = records[2].Acts.IndexOf(records[2].Acts.First(a => a.ScheduleAuctionRound is not null));
        Assert.Equal((Status.Failed, 3L, actIndex, "NOTICE_PERIOD_TOO_SHORT"), (late.Status, late.Line, late.ActIndex, late.Reason));
        Assert.StartsWith($"acts[{actIndex}].schedule_auction_round", late.Field, StringComparison.Ordinal);
        var negative = result.Of(records[4].SourceReference);
        Assert.Equal((Status.Failed, 0, "acts[0].record_valuation.appraisal.price", "INVALID_ARGUMENT"), (negative.Status, negative.ActIndex, negative.Field, negative.Reason));
        var otherCase = result.Of(records[5].SourceReference);
        Assert.Equal((Status.Failed, -1, "obligations[0].obligation.case_number"), (otherCase.Status, otherCase.ActIndex, otherCase.Field));

        // Nothing of either is stored: no asset, no seizure act; the others are all there.
        foreach (var broken in new[] { records[2], records[4], records[5] })
        {
            await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => service.Seizures().GetAssetAsync(new GetAssetRequest { SourceReference = broken.SourceReference }).ResponseAsync);
        }

        Assert.Equal(3, await AssetsWithPrefixAsync(prefix));
        Assert.Equal(before + 3, await service.WithDbAsync(db => db.Seizures.CountAsync()));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so()
    {
        var prefix = "AGAIN" + TestData.Unique();
        var records = await RecordsAsync(5, prefix);
        var first = await ImportClient.RunAsync(Importer, ImportClient.Options(), records);
        Assert.Equal(5, first.Final.Imported);
        var audit = await AuditCountAsync();
        var events = await service.WithDbAsync(db => db.Events.CountAsync());

        var again = await ImportClient.RunAsync(Importer, ImportClient.Options(), records);
        Assert.Equal((5, 0, 5, 0), (again.Final.RecordsRead, again.Final.Imported, again.Final.Unchanged, again.Final.Failed));
        Assert.All(records, r => Assert.Equal(first.Of(r.SourceReference).Asset, again.Of(r.SourceReference).Asset));
        Assert.Equal(5, await AssetsWithPrefixAsync(prefix));

        // Only the second import's own start and end were written.
        Assert.Equal(audit + 2, await AuditCountAsync());
        Assert.Equal(events + 2, await service.WithDbAsync(db => db.Events.CountAsync()));

        // A different record under a reference already imported is refused, not merged.
        var changed = records[0].Clone();
        changed.Seizure.MinutesNumber = "BB-OTHER";
        var refused = (await ImportClient.RunAsync(Importer, ImportClient.Options(), [changed])).Of(changed.SourceReference);
        Assert.Equal((Status.Failed, "source_reference", "SOURCE_REFERENCE_EXISTS"), (refused.Status, refused.Field, refused.Reason));
    }

    [Fact]
    public async Task A_dry_run_checks_everything_and_writes_nothing()
    {
        var prefix = "DRY" + TestData.Unique();
        var records = await RecordsAsync(4, prefix);
        records[3].Acts[0].RecordValuation.Appraisal.CertificateNumber = "";
        var audit = await AuditCountAsync();

        var result = await ImportClient.RunAsync(Importer, ImportClient.Options(dryRun: true), records);
        Assert.True(result.Final.DryRun);
        Assert.Equal(new[] { Status.Valid, Status.Valid, Status.Valid, Status.Failed }, records.Select(r => result.Of(r.SourceReference).Status));
        Assert.Equal("acts[0].record_valuation.appraisal.certificate_number", result.Of(records[3].SourceReference).Field);
        Assert.Equal((3, 1), (result.Final.Imported, result.Final.Failed));
        Assert.Equal(0, await AssetsWithPrefixAsync(prefix));
        Assert.Equal(audit, await AuditCountAsync());

        // The real run afterwards does what the dry run said.
        var real = await ImportClient.RunAsync(Importer, ImportClient.Options(), records);
        Assert.Equal((3, 1), (real.Final.Imported, real.Final.Failed));
    }

    [Fact]
    public async Task An_interrupted_import_resumes_from_where_it_stopped()
    {
        var prefix = "RESUME" + TestData.Unique();
        var records = await RecordsAsync(300, prefix);
        var options = ImportClient.Options();
        var import = "imports/" + options.ImportId;

        // The office's event feed, from now on: it says when the service has recorded the interruption.
        var head = await service.WithDbAsync(db => db.Events.MaxAsync(e => (long?)e.Sequence)) ?? 0;
        using var feedCancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var feed = service.Events("case_management", TestData.Office).StreamEvents(new StreamEventsRequest { AfterSequence = head }, cancellationToken: feedCancel.Token);

        // The client goes away after the first chunk's answers: what was committed stays, the rest is not written.
        var cut = await ImportClient.RunAsync(Importer, options, records, stopAfter: 1);
        Assert.False(cut.Responses[^1].Progress.Done);
        var imported = cut.Outcomes.Where(o => o.Status == Status.Imported).Select(o => o.SourceReference).ToHashSet();
        Assert.NotEmpty(imported);

        // The service finishes the chunks it was writing, then records the interruption; only then is the count final.
        while (await feed.ResponseStream.MoveNext(feedCancel.Token) && !(feed.ResponseStream.Current.Event.Resource == import && feed.ResponseStream.Current.Event.Type == "import.interrupted"))
        {
        }

        Assert.Equal("import.interrupted", feed.ResponseStream.Current.Event.Type);

        var stored = await AssetsWithPrefixAsync(prefix);
        Assert.InRange(stored, imported.Count, 299);

        // The same file again: what was imported is UNCHANGED, the rest is imported, each asset once.
        var resumed = await ImportClient.RunAsync(Importer, options, records);
        Assert.True(resumed.Final.Done);
        Assert.Equal((300, 0), (resumed.Final.RecordsRead, resumed.Final.Failed));
        Assert.Equal(stored, resumed.Final.Unchanged);
        Assert.Equal(300 - stored, resumed.Final.Imported);
        Assert.All(imported, r => Assert.Equal(Status.Unchanged, resumed.Of(r).Status));
        Assert.Equal(300, await AssetsWithPrefixAsync(prefix));

        // Two assets per case, cases across chunk boundaries and chunks written side by side: each case's obligation once.
        Assert.Equal(151, await service.WithDbAsync(db => db.Obligations.CountAsync(o => o.CaseNumber.StartsWith(prefix + "-THA-"))));

        // The audit trail tells both runs: interrupted, then finished with the counts.
        var types = await service.WithDbAsync(db => db.Events.Where(e => e.Resource == import).OrderBy(e => e.Sequence).Select(e => e.Type).ToListAsync());
        Assert.Equal(["import.started", "import.interrupted", "import.started", "import.finished"], types);
        var finished = await service.WithDbAsync(db => db.AuditEntries.Where(e => e.Resource == import).OrderBy(e => e.Sequence).Select(e => e.AfterJson).ToListAsync());
        Assert.Contains("\"recordsRead\": \"300\"", finished[^1], StringComparison.Ordinal);
        Assert.Contains("\"fileSha256\": \"" + options.FileSha256 + "\"", finished[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_office_imports_only_into_itself()
    {
        var records = await RecordsAsync(2);

        // Another office's case management system, finance and a supervisor are refused the whole call.
        var other = ImportClient.Client(service, TestData.OtherOffice);
        var denied = await Assert.ThrowsAsync<RpcException>(() => ImportClient.RunAsync(other, ImportClient.Options(office: TestData.Office), records));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(0, await service.WithDbAsync(db => db.Assets.CountAsync(a => a.SourceReference == records[0].SourceReference)));
        foreach (var (role, office) in new[] { ("finance", TestData.Office), ("supervisor", "") })
        {
            var refused = await Assert.ThrowsAsync<RpcException>(() => ImportClient.RunAsync(ImportClient.Client(service, office, role), ImportClient.Options(office: TestData.Office), records));
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }

        // A record of another office inside an office's own import is refused, alone.
        var theirs = records[1].Clone();
        theirs.Seizure.EnforcementCase.Office = TestData.OtherOffice;
        var result = await ImportClient.RunAsync(Importer, ImportClient.Options(), [records[0], theirs]);
        Assert.Equal(Status.Imported, result.Of(records[0].SourceReference).Status);
        var refusedRecord = result.Of(theirs.SourceReference);
        Assert.Equal((Status.Failed, "seizure.enforcement_case.office", "OFFICE_NOT_ALLOWED"), (refusedRecord.Status, refusedRecord.Field, refusedRecord.Reason));

        // The options come first.
        using var call = Importer.ImportAssets();
        await call.RequestStream.WriteAsync(new ImportAssetsRequest { Record = records[0] });
        await call.RequestStream.CompleteAsync();
        var noOptions = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, noOptions.StatusCode);
    }

    [Fact]
    public async Task A_history_across_Tet_and_the_2026_regime_switch_is_judged_by_each_acts_own_rules()
    {
        var organization = await OrganizationAsync();
        var record = Record(1, TestData.Office, organization, "TET" + TestData.Unique());
        // Friday 13 February 2026: the weekend and Tết (16-20 February) follow.
        record.Seizure.SeizureDate = D(new DateOnly(2026, 2, 13));
        record.Seizure.EnforcementCase.DecisionDate = D(new DateOnly(2026, 1, 15));
        record.Acts.Clear();
        record.Acts.Add(Act(new RecordValuationRequest
        {
            Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = D(new DateOnly(2026, 3, 2)), Price = 2_000_000_000, CertificateNumber = "CT-01", CertificateDate = D(new DateOnly(2026, 3, 10)) },
            NotifiedDate = D(new DateOnly(2026, 3, 11)),
        }));
        record.Acts.Add(Act(new SignAuctionContractRequest { Organization = organization, ContractNumber = "HĐĐG-01", ContractDate = D(new DateOnly(2026, 3, 18)) }));
        record.Acts.Add(Act(new ScheduleAuctionRoundRequest { Plan = Plan(new DateOnly(2026, 3, 20), new DateOnly(2026, 4, 6), 200_000_000) }));
        record.Acts.Add(Act(new RecordAuctionResultRequest { Failed = new FailedResult { Reason = AuctionRound.Types.FailureReason.NoBids, PartiesNotifiedOn = D(new DateOnly(2026, 4, 8)) } }));
        record.Acts.Add(Act(new ReducePriceRequest { AgreedByParties = true, NewStartingPrice = 1_800_000_000, DecisionNumber = "QĐ-GG-01", DecisionDate = D(new DateOnly(2026, 5, 20)) }));
        record.Acts.Add(Act(new ScheduleAuctionRoundRequest { Plan = Plan(new DateOnly(2026, 6, 15), new DateOnly(2026, 7, 2), 180_000_000) }));
        record.Acts.Add(Act(new RecordAuctionResultRequest { Failed = new FailedResult { Reason = AuctionRound.Types.FailureReason.NoBids } }));

        var result = await ImportClient.RunAsync(Importer, ImportClient.Options(), [record]);
        Assert.True(result.Final.Imported == 1, Failures(result));
        var asset = await AssetAsync(record.SourceReference);
        TimeLimit Limit(Kind kind) => asset.TimeLimits.Last(t => t.Kind == kind);

        // LTHADS 98.2, 5 working days from the seizure, Tết and weekends skipped: due 27 February; met late on 2 March.
        Assert.Equal((D(new DateOnly(2026, 2, 27)), "legacy", LimitState.MetLate), (Limit(Kind.ValuationContract).DueDate, Limit(Kind.ValuationContract).RuleSet, Limit(Kind.ValuationContract).State));
        Assert.Equal(LimitState.Met, Limit(Kind.ValuationNotice).State);
        Assert.Equal((LimitState.Met, "legacy"), (Limit(Kind.AuctionContract).State, Limit(Kind.AuctionContract).RuleSet));
        var firstNotice = asset.TimeLimits.First(t => t.Kind == Kind.FailureNotice);
        Assert.Equal((LimitState.Met, "legacy", D(new DateOnly(2026, 4, 13))), (firstNotice.State, firstNotice.RuleSet, firstNotice.DueDate));
        var reduction = asset.TimeLimits.First(t => t.Kind == Kind.PriceReduction);
        Assert.Equal((LimitState.MetLate, "legacy"), (reduction.State, reduction.RuleSet));

        // The second round, held on 2 July 2026, falls under Decree 152/2026: 2 working days to tell the parties.
        Assert.Equal((LimitState.Open, "2026", D(new DateOnly(2026, 7, 6))), (Limit(Kind.FailureNotice).State, Limit(Kind.FailureNotice).RuleSet, Limit(Kind.FailureNotice).DueDate));
        Assert.Equal("2026", Limit(Kind.PriceReduction).RuleSet);

        // Limits already overdue on import are reported missed once, like any other.
        var missed = await service.SweepDeadlinesAsync();
        Assert.True(missed.Missed >= 1);
        var limit = Limit(Kind.FailureNotice).Name;
        var reported = await service.WithDbAsync(db => db.Events.CountAsync(e => e.Type == AssetAuction.Service.Deadlines.DeadlineWatch.Missed && e.Resource == limit));
        Assert.Equal(1, reported);
    }

    [Fact]
    public async Task The_sample_file_imports_with_one_command_and_the_same_command_again_resumes()
    {
        var organization = await OrganizationAsync();
        var sample = Path.Combine(Path.GetTempPath(), $"backlog-{Guid.NewGuid():N}.jsonl");
        var text = await File.ReadAllTextAsync(CliRunner.RepositoryFile("samples/backlog-import.jsonl"));
        await File.WriteAllTextAsync(sample, text.Replace("auctionOrganizations/ORGANIZATION_ID", organization, StringComparison.Ordinal) + "{ not json\n");
        var token = service.Token("case_management", TestData.Office);

        var dry = await CliRunner.RunAsync(service, "asset", "import", sample, "--dry-run", "--token", token);
        Assert.Equal(1, dry.ExitCode); // the broken last line is reported, nothing is written
        Assert.Contains("INVALID_JSON", dry.Out, StringComparison.Ordinal);
        Assert.Contains("dry run", dry.Out, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "ASSET_NOT_FOUND", () => service.Seizures().GetAssetAsync(new GetAssetRequest { SourceReference = "QLTS-HN-0000001" }).ResponseAsync);

        var real = await CliRunner.RunAsync(service, "asset", "import", sample, "-o", "json", "--token", token);
        var report = ImportAssetsResponse.Parser.ParseJson(real.Out);
        Assert.Equal((6, 6, 0), (report.Progress.RecordsRead, report.Progress.Imported, report.Progress.Failed));
        Assert.Equal(7, Assert.Single(report.Outcomes).Line);
        Assert.Equal("QLTS-HN-0000001", (await AssetAsync("QLTS-HN-0000001")).SourceReference);

        // The same command again: the same import (its id comes from the office and the file), nothing changes.
        var again = ImportAssetsResponse.Parser.ParseJson((await CliRunner.RunAsync(service, "asset", "import", sample, "-o", "json", "--token", token)).Out);
        Assert.Equal((report.Progress.Import, 0, 6), (again.Progress.Import, again.Progress.Imported, again.Progress.Unchanged));
        File.Delete(sample);
    }
}
