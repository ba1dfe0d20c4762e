using AssetAuction.Contracts.V1;
using AssetAuction.IntegrationTests.Infrastructure;
using AssetAuction.Service.Security;
using DocumentFormat.OpenXml.Packaging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace AssetAuction.IntegrationTests;

/// <summary>
/// The statistics RPCs end to end. The fake clock stands at 2026-11-23, in working year 2027
/// (2026-10-01..2027-09-30); "1 month" is October 2026. Seizures are back-dated into October.
/// Offices: HN-KV1 and HN-KV2 in Hà Nội, HCM-KV3 in Thành phố Hồ Chí Minh (appsettings.json "Offices").
/// </summary>
public sealed class WorkingYearStatisticsTests(ServiceFactory service, ITestOutputHelper output) : IClassFixture<ServiceFactory>
{
    private readonly TestLog _log = service.LogTo(output);

    private const string OtherHanoiOffice = "HN-KV2";
    private static readonly ReportPeriod October = new() { WorkingYear = 2027, Months = 1 };

    private StatisticsService.StatisticsServiceClient Client(string role, string office = "") => new(service.Channel(service.Token(role, office)));

    private async Task<Asset> SeizeAsync(string office, int day, string? caseNumber = null)
    {
        var request = TestData.Seizure(caseNumber, office, TestData.Land());
        request.SeizureDate = PipelineDriver.D(2026, 10, day);
        request.EnforcementCase.DecisionDate = PipelineDriver.D(2026, 9, 1);
        return (await service.Seizures(office: office).RegisterSeizureAsync(request)).Assets[0];
    }

    private static GetWorkingYearReportRequest Ask(ReportScope scope) => new() { Scope = scope, Period = October };

    [Fact]
    public async Task An_office_a_province_and_the_country_each_count_their_own_offices()
    {
        // HN-KV1: two cases, one valued on 2026-10-20 at 1 billion, one released in November (outside October).
        var valued = await SeizeAsync(TestData.Office, 10);
        var driver = new PipelineDriver(service, valued);
        await driver.ValueAsync(1_000_000_000, new DateOnly(2026, 10, 20));
        var released = await SeizeAsync(TestData.Office, 12);
        await service.Seizures().ReleaseSeizureAsync(new ReleaseSeizureRequest { RequestId = Guid.NewGuid().ToString(), Name = released.Name, Etag = released.Etag, Reason = "Tòa án hủy bản án" });
        await SeizeAsync(OtherHanoiOffice, 15);
        await SeizeAsync(TestData.OtherOffice, 5);

        var office = (await Client(Roles.CaseManagement, TestData.Office).GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Period = October })).Report;
        Assert.Equal("offices/HN-KV1", office.Scope);
        Assert.Equal(("2026-10-01", "2026-10-31"), (office.PeriodStart, office.PeriodEnd));
        Assert.Equal(2, office.Assets.NewlySeized);
        Assert.Equal(0, office.Assets.CarriedOver);
        Assert.Equal(0, office.Assets.DisposedTotal);
        Assert.Equal((1L, 1L), (office.Assets.RemainingAwaitingValuation, office.Assets.RemainingAwaitingSale));
        Assert.Equal((2L, 0L), (office.Cases.New, office.Cases.Completed));
        Assert.Equal(1_000_000_000, office.Money.ValueUnderSeizure);
        Assert.Equal(office.Lines.Count, office.Lines.Select(l => (l.Group, l.Key)).Distinct().Count());

        // The release is counted in November, when it happened.
        var november = (await Client(Roles.CaseManagement, TestData.Office).GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Period = new ReportPeriod { WorkingYear = 2027, Months = 2 } })).Report;
        Assert.Equal(1, november.Assets.DisposedReleased);
        Assert.Equal(1, november.Cases.Completed);
        Assert.Equal(5000, november.Cases.RateBasisPoints);

        var supervisor = Client(Roles.Supervisor);
        var province = (await supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Province = "Hà Nội" }))).Report;
        Assert.Equal(["HN-KV1", "HN-KV2"], province.Offices);
        Assert.Equal(3, province.Assets.NewlySeized);
        Assert.Equal(3, province.Cases.New);

        // The country rolls up every office with assets (other tests of this class add offices of their own).
        var country = (await supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Country = true }))).Report;
        Assert.Contains("HCM-KV3", country.Offices);
        long sum = 0;
        foreach (var code in country.Offices)
        {
            sum += (await supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Office = code }))).Report.Assets.NewlySeized;
        }

        Assert.Equal(sum, country.Assets.NewlySeized);
        Assert.Equal(1, (await supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Office = TestData.OtherOffice }))).Report.Assets.NewlySeized);
    }

    [Fact]
    public async Task An_office_sees_only_itself_and_a_supervisor_sees_every_scope()
    {
        var office = Client(Roles.CaseManagement, TestData.Office);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED", () => office.GetWorkingYearReportAsync(Ask(new ReportScope { Office = OtherHanoiOffice })).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED", () => office.GetWorkingYearReportAsync(Ask(new ReportScope { Province = "Hà Nội" })).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, "OFFICE_NOT_ALLOWED", () => Client(Roles.Finance, TestData.Office).GetWorkingYearReportAsync(Ask(new ReportScope { Country = true })).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => office.FreezeWorkingYearReportAsync(new FreezeWorkingYearReportRequest { RequestId = Guid.NewGuid().ToString(), Period = October }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => Client(Roles.AuctionOrganization).GetWorkingYearReportAsync(Ask(new ReportScope { Country = true })).ResponseAsync);

        var supervisor = Client(Roles.Supervisor);
        Assert.Equal("offices/HN-KV2", (await supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Office = OtherHanoiOffice }))).Report.Scope);
        await RpcAssert.FailsAsync(StatusCode.NotFound, "PROVINCE_NOT_FOUND", () => supervisor.GetWorkingYearReportAsync(Ask(new ReportScope { Province = "Atlantis" })).ResponseAsync);

        var invalid = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => supervisor.GetWorkingYearReportAsync(new GetWorkingYearReportRequest { Period = new ReportPeriod { WorkingYear = 2027, Months = 13 } }).ResponseAsync);
        Assert.Contains("period.months", RpcAssert.Fields(invalid));

        var offices = await office.ListOfficesAsync(new ListOfficesRequest { Province = "Hà Nội" });
        Assert.Equal(["HN-KV1", "HN-KV2"], offices.Offices.Select(o => o.Code));
    }

    [Fact]
    public async Task A_frozen_report_keeps_its_figures_after_a_back_dated_act_and_the_recomputation_shows_the_difference()
    {
        const string office = "HN-KV3";
        await SeizeAsync(office, 3);
        await SeizeAsync(office, 4);
        var supervisor = Client(Roles.Supervisor);
        var scope = new ReportScope { Office = office };

        var frozen = await supervisor.FreezeWorkingYearReportAsync(new FreezeWorkingYearReportRequest { RequestId = Guid.NewGuid().ToString(), Scope = scope, Period = October });
        Assert.Equal(frozen.Report.Digest, frozen.Frozen.Digest);
        Assert.Equal(2, frozen.Report.Assets.NewlySeized);
        Assert.StartsWith("test-supervisor", frozen.Frozen.FrozenBy, StringComparison.Ordinal);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REPORT_ALREADY_FROZEN", () => supervisor.FreezeWorkingYearReportAsync(new FreezeWorkingYearReportRequest { RequestId = Guid.NewGuid().ToString(), Scope = scope, Period = October }).ResponseAsync);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, "REPORT_PERIOD_NOT_ENDED", () => supervisor.FreezeWorkingYearReportAsync(new FreezeWorkingYearReportRequest { RequestId = Guid.NewGuid().ToString(), Scope = scope, Period = new ReportPeriod { WorkingYear = 2027, Months = 2 } }).ResponseAsync);

        // Recorded today, dated in October: the recomputation changes, the frozen copy does not.
        await SeizeAsync(office, 25);
        var now = await supervisor.GetWorkingYearReportAsync(Ask(scope));
        Assert.Equal(3, now.Report.Assets.NewlySeized);
        Assert.Equal(frozen.Frozen.Name, now.Frozen.Name);
        Assert.NotEqual(frozen.Frozen.Digest, now.Report.Digest);
        Assert.Contains(now.DifferencesFromFrozen, d => d.Group == "assets" && d.Key == "newly_seized" && d.FrozenValue == 2 && d.CurrentValue == 3);

        var export = await supervisor.ExportWorkingYearReportAsync(new ExportWorkingYearReportRequest { Scope = scope, Period = October, Format = ExportWorkingYearReportRequest.Types.Format.Csv, Frozen = true });
        Assert.Equal("bao-cao-HN-KV3-2027-01.csv", export.FileName);
        Assert.Equal(frozen.Frozen.Digest, export.Digest);
        Assert.Contains("assets,newly_seized,\"Tài sản kê biên mới\",2\n", export.Content.ToStringUtf8(), StringComparison.Ordinal);
        Assert.Equal(frozen.Frozen.Digest, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(export.Content.ToByteArray())));

        var events = await service.WithDbAsync(db => db.Events.Where(e => e.Type == "statistics_report.frozen").ToListAsync());
        Assert.Equal(frozen.Frozen.Name, Assert.Single(events).Resource);
        Assert.True(await service.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Resource == frozen.Frozen.Name && a.Rpc.EndsWith("FreezeWorkingYearReport"))));
    }

    [Fact]
    public async Task The_workbook_has_one_sheet_per_group_with_numbers_as_numbers()
    {
        await SeizeAsync("HN-KV4", 7);
        var export = await Client(Roles.Supervisor).ExportWorkingYearReportAsync(new ExportWorkingYearReportRequest
        {
            Scope = new ReportScope { Office = "HN-KV4" },
            Period = October,
            Format = ExportWorkingYearReportRequest.Types.Format.Xlsx,
        });
        Assert.Equal("bao-cao-HN-KV4-2027-01.xlsx", export.FileName);

        using var stream = new MemoryStream(export.Content.ToByteArray());
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().ToList();
        Assert.Equal(["Thông tin", "Tài sản", "Việc có tài sản kê biên", "Tiền", "Thời hạn", "Nhóm vấn đề", "Đấu giá"], sheets.Select(s => s.Name!.Value));
        var assets = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
        var newlySeized = assets.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Single(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().InnerText == "newly_seized")
            .Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Last();
        Assert.Equal(DocumentFormat.OpenXml.Spreadsheet.CellValues.Number, newlySeized.DataType!.Value);
        Assert.Equal("1", newlySeized.CellValue!.Text);
    }

    [Fact]
    public async Task Rebuilding_the_facts_restores_a_missing_one_exactly()
    {
        var asset = await SeizeAsync("HN-KV5", 9);
        var pipeline = new PipelineService.PipelineServiceClient(service.Channel(service.Token(Roles.CaseManagement, "HN-KV5")));
        await pipeline.RecordValuationAsync(new RecordValuationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = asset.Name,
            Etag = asset.Etag,
            Appraisal = new Appraisal { OrganizationName = "Công ty Thẩm định giá A", ContractNumber = "TĐG-01", ContractDate = PipelineDriver.D(2026, 10, 21), Price = 700_000_000, CertificateNumber = "CT-01", CertificateDate = PipelineDriver.D(2026, 10, 21) },
        });
        var id = asset.Name["assets/".Length..];
        var written = await service.WithDbAsync(db => db.Set<AssetAuction.Domain.Statistics.AssetFact>().AsNoTracking().SingleAsync(f => f.AssetId == id));
        Assert.Equal((new DateOnly(2026, 10, 9), new DateOnly(2026, 10, 21), "V2026-10-21=700000000"), (written.SeizedOn, written.ValuedOn!.Value, written.PriceSteps));

        // A database upgraded from before the facts: the row is missing until the rebuild.
        await service.WithDbAsync(db => db.Set<AssetAuction.Domain.Statistics.AssetFact>().Where(f => f.AssetId == id).ExecuteDeleteAsync());
        Assert.Equal(0, (await Client(Roles.Supervisor).GetWorkingYearReportAsync(Ask(new ReportScope { Office = "HN-KV5" }))).Report.Assets.NewlySeized);

        Assert.Equal(0, await AssetAuction.Service.Statistics.RebuildFactsCommand.RunAsync(service.Services));
        var rebuilt = await service.WithDbAsync(db => db.Set<AssetAuction.Domain.Statistics.AssetFact>().AsNoTracking().SingleAsync(f => f.AssetId == id));
        Assert.Equal((written.SeizedOn, written.ValuedOn, written.PriceSteps, written.Office, written.CaseNumber), (rebuilt.SeizedOn, rebuilt.ValuedOn, rebuilt.PriceSteps, rebuilt.Office, rebuilt.CaseNumber));
        Assert.Equal(1, (await Client(Roles.Supervisor).GetWorkingYearReportAsync(Ask(new ReportScope { Office = "HN-KV5" }))).Report.Assets.NewlySeized);
    }
}
