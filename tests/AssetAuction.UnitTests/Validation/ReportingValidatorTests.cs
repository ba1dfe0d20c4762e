using AssetAuction.Contracts.V1;
using static AssetAuction.UnitTests.Validation.Given;
using Au = AssetAuction.Service.Audit;
using D = AssetAuction.Service.Deadlines;
using E = AssetAuction.Service.Events;
using S = AssetAuction.Service.Statistics;

namespace AssetAuction.UnitTests.Validation;

/// <summary>The read side's request validators: deadlines and backlog, the audit trail, the event feed, the working-year statistics.</summary>
public sealed class ReportingValidatorTests
{
    private static ReportPeriod Period() => new() { WorkingYear = 2026, Months = 12 };

    internal static readonly IRuleSet[] Sets =
    [
        new RuleSet<ListDeadlinesRequest>("ListDeadlines", new D.ListDeadlines.Validator(), () => new()
            {
                View = ListDeadlinesRequest.Types.View.DueSoon, WithinWorkingDays = 5, Office = "HN-KV1", Officer = "officer-17", Asset = AnAsset, PageSize = 50,
            })
            .Break("view", "unspecified", r => r.View = ListDeadlinesRequest.Types.View.Unspecified)
            .Break("within_working_days", "over 250", r => r.WithinWorkingDays = 251)
            .Break("within_working_days", "negative", r => r.WithinWorkingDays = -1)
            .Optional("office", 64).Optional("officer", 128).PageSize()
            .Break("asset", "not an asset name", r => r.Asset = "seizures/1"),
        new RuleSet<ListBacklogRequest>("ListBacklog", new D.ListBacklog.Validator(), () => new() { Office = "HN-KV1", StuckForDays = 90, PageSize = 50 })
            .Optional("office", 64).PageSize()
            .Break("stuck_for_days", "over 100 years", r => r.StuckForDays = 36_501)
            .Break("stuck_for_days", "negative", r => r.StuckForDays = -1),
        new RuleSet<ListAuditEntriesRequest>("ListAuditEntries", new Au.ListAuditEntries.Validator(), () => new() { Resource = AnAsset, PageSize = 50 })
            .Required("resource", 256).PageSize(),
        new RuleSet<StreamEventsRequest>("StreamEvents", new E.StreamEvents.Validator(), () => new() { AfterSequence = 0 })
            .Break("after_sequence", "negative", r => r.AfterSequence = -1),
        new RuleSet<GetWorkingYearReportRequest>("GetWorkingYearReport", new S.GetWorkingYearReport.Validator(), () => new() { Period = Period(), Scope = new ReportScope { Office = "HN-KV1" } })
            .Break("period", "missing", r => r.Period = null)
            .Break("period.working_year", "before 2000", r => r.Period.WorkingYear = 1999)
            .Break("period.working_year", "after 2200", r => r.Period.WorkingYear = 2201)
            .Break("period.months", "zero", r => r.Period.Months = 0)
            .Break("period.months", "thirteen", r => r.Period.Months = 13)
            .Break("scope.office", "blank", r => r.Scope.Office = " ")
            .Break("scope.office", "longer than 64", r => r.Scope.Office = new string('x', 65))
            .Break("scope.province", "blank", r => r.Scope.Province = "")
            .Break("scope.province", "longer than 128", r => r.Scope.Province = new string('x', 129))
            .Break("scope.country", "false", r => r.Scope.Country = false),
        new RuleSet<GetWorkingYearReportRequest>("GetWorkingYearReport (the caller's own office)", new S.GetWorkingYearReport.Validator(), () => new() { Period = Period() }),
        new RuleSet<GetWorkingYearReportRequest>("GetWorkingYearReport (a province)", new S.GetWorkingYearReport.Validator(), () => new() { Period = Period(), Scope = new ReportScope { Province = "Hà Nội" } }),
        new RuleSet<GetWorkingYearReportRequest>("GetWorkingYearReport (the country)", new S.GetWorkingYearReport.Validator(), () => new() { Period = Period(), Scope = new ReportScope { Country = true } }),
        new RuleSet<ExportWorkingYearReportRequest>("ExportWorkingYearReport", new S.ExportWorkingYearReport.Validator(), () => new()
            {
                Period = Period(), Scope = new ReportScope { Country = true }, Format = ExportWorkingYearReportRequest.Types.Format.Xlsx,
            })
            .Break("period", "missing", r => r.Period = null)
            .Break("period.months", "zero", r => r.Period.Months = 0)
            .Break("scope.country", "false", r => r.Scope.Country = false)
            .Break("format", "unspecified", r => r.Format = ExportWorkingYearReportRequest.Types.Format.Unspecified),
        new RuleSet<FreezeWorkingYearReportRequest>("FreezeWorkingYearReport", new S.FreezeWorkingYearReport.Validator(), () => new() { RequestId = Uuid, Period = Period() })
            .RequestId()
            .Break("period", "missing", r => r.Period = null)
            .Break("period.working_year", "before 2000", r => r.Period.WorkingYear = 1999)
            .Break("scope.province", "blank", r => r.Scope = new ReportScope { Province = " " }),
        new RuleSet<ListOfficesRequest>("ListOffices", new S.ListOffices.Validator(), () => new() { Province = "Hà Nội" })
            .Optional("province", 128),
    ];

    public static TheoryData<string> Rpcs => RuleSets.Rpcs(Sets);

    public static TheoryData<string, string, string> Broken => RuleSets.Breaks(Sets);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public void A_complete_request_passes(string rpc) => RuleSets.Of(Sets, rpc).AssertValid();

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_rule_names_its_proto_field_and_no_other(string rpc, string field, string how) => RuleSets.Of(Sets, rpc).AssertBroken(field, how);
}
